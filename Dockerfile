# motcua: the server (API + built web app). Multi-stage: the build stage has the compiler that
# better-sqlite3 needs and builds the web app; the runtime stage has neither, and runs as the
# unprivileged `node` user. See README.md, "Deploying".
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Runtime dependencies only: the TypeScript loader (tsx) and the web app's build tools (vite)
# are among them (docs/DECISIONS.md, "Ready to install and run in an office").
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
RUN node node_modules/vite/bin/vite.js build designer --logLevel warn

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATABASE_URL=sqlite:/data/motcua.db
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness only (the process answers); /readyz is for the load balancer.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM (docker stop) finishes in-flight requests within SHUTDOWN_TIMEOUT_MS (8 s by default,
# under docker's 10 s grace period) and exits 0.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "server/main.ts"]
