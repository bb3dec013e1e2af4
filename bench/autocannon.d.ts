// autocannon ships no types; the benchmark uses a small part of its API.
declare module 'autocannon' {
  function autocannon(options: Record<string, unknown>): Promise<Record<string, unknown>>;
  export default autocannon;
}
