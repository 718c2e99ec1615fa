// Ambient names for `tsc --noEmit --checkJs` (tsconfig.json, quality step "types"): the few
// Node and Vite names the JS that calls the engine uses, so that no @types/node is needed.

declare var process: {
  versions?: { node?: string };
  cwd(): string;
  listeners(event: string): Array<(...args: unknown[]) => void>;
  removeListener(event: string, fn: (...args: unknown[]) => void): void;
};

declare module 'node:fs/promises' {
  export function readFile(path: string | URL): Promise<Uint8Array>;
}

declare module 'node:url' {
  export function fileURLToPath(url: string | URL): string;
}

/** The Emscripten module factory of build/wasm/dist/engine.mjs and engine-lab.mjs (Vite aliases). */
interface WasmEngine {
  handle(requestText: string): string;
  version(): string;
}
declare module '@engine' {
  const createEngine: (options?: { wasmBinary?: Uint8Array }) => Promise<WasmEngine>;
  export default createEngine;
}
declare module '@engine-lab' {
  const createEngine: (options?: { wasmBinary?: Uint8Array }) => Promise<WasmEngine>;
  export default createEngine;
}

/** Vite's import.meta.env (only DEV is read). */
interface ImportMeta {
  readonly env?: { readonly DEV?: boolean };
}
