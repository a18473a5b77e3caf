// The part of the WebAssembly JS API that center-kernels.ts uses. TypeScript declares the API only in
// its DOM libraries, which this Node project does not load.
declare namespace WebAssembly {
  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  function validate(bytes: BufferSource): boolean;
}
