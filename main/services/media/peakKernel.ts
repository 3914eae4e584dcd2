import type { PeakKernel } from '../../../common/media/peaks';
import { peakKernelBase64 } from './peakKernelBytes';

/** Bytes a kernel's read buffer holds (its whole memory: 4 WebAssembly pages). */
export const peakKernelBufferBytes = 4 * 65536;

/** The part of the WebAssembly global used here (the main process's lib has no WebAssembly types). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}
interface KernelExports {
  memory: { buffer: ArrayBuffer };
  range(byteOffset: number, count: number): number;
}

let compiled: object | null = null;

/**
 * A new instance of the SIMD peaks kernel (peakKernel.wat) with its own memory. Read PCM into
 * `readBuffer` and hand the bytes to a PeakAccumulator made with this kernel: min/max then run
 * eight samples at a time over the bytes where they landed.
 */
export function createPeakKernel(): PeakKernel & { readBuffer: Buffer } {
  const { Module, Instance } = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
  compiled ??= new Module(Buffer.from(peakKernelBase64, 'base64'));
  const exports = new Instance(compiled).exports as KernelExports;
  const buffer = exports.memory.buffer;
  return {
    buffer,
    range: exports.range,
    readBuffer: Buffer.from(buffer, 0, peakKernelBufferBytes),
  };
}
