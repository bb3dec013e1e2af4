/**
 * A self-contained page that renders `/api/openapi.json` (no CDN: the office network may have no
 * internet): every route with its summary, parameters, body schema and responses.
 */
export function apiDocsPage(nonce: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>motcua API</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2733;background:#f6f8fa}
header{background:#0b5394;color:#fff;padding:16px 32px}main{max-width:1000px;margin:0 auto;padding:16px 32px}
section{background:#fff;border:1px solid #d8dee4;border-radius:8px;margin:12px 0;padding:12px 16px}
.m{display:inline-block;min-width:56px;font-weight:700;text-transform:uppercase}.get{color:#1a7f37}.post{color:#0b5394}.put{color:#9a6700}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f6f8fa;padding:8px;overflow:auto;border-radius:6px}
h2{font-size:16px;margin:0}small{color:#57606a}
</style></head><body><header><h1 style="margin:0;font-size:22px">motcua API</h1><small style="color:#dbe9f6">OpenAPI: <a style="color:#fff" href="/api/openapi.json">/api/openapi.json</a></small></header>
<main id="m">Đang tải…</main>
<script nonce="${nonce}">
fetch('/api/openapi.json').then(r=>r.json()).then(doc=>{
  const m=document.getElementById('m'); m.innerHTML='<p>'+(doc.info.description||'')+'</p>';
  const esc=s=>String(s).replace(/[&<>]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]));
  for(const [path,ops] of Object.entries(doc.paths)) for(const [method,op] of Object.entries(ops)){
    const s=document.createElement('section');
    const params=(op.parameters||[]).map(p=>'<li><code>'+esc(p.name)+'</code> ('+p.in+(p.required?', bắt buộc':'')+') '+esc(p.description||'')+'</li>').join('');
    const body=op.requestBody?'<pre>'+esc(JSON.stringify(op.requestBody.content['application/json'].schema,null,2))+'</pre>':'';
    const res=Object.entries(op.responses||{}).map(([k,v])=>'<li><b>'+k+'</b> '+esc(v.description)+'</li>').join('');
    s.innerHTML='<h2><span class="m '+method+'">'+method+'</span> <code>'+esc(path)+'</code></h2><p>'+esc(op.summary||'')+'</p>'+(params?'<ul>'+params+'</ul>':'')+body+'<ul>'+res+'</ul>';
    m.appendChild(s);
  }
});
</script></body></html>`;
}
