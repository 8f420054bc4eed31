/** Types of the virtual modules the claim-index Vite plugin serves. */
declare module 'virtual:nexus-lens/claim-index' {
  const index: import('./compile').CompiledIndex;
  export default index;
}
declare module 'virtual:nexus-lens/claim-database' {
  const database: import('./types').ClaimDatabase;
  export default database;
}
