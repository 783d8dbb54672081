// jsdom puts its own Uint8Array on globalThis, so the bytes Node makes (Buffer, zlib, TextEncoder) are no longer
// `instanceof Uint8Array` and the crypto libraries behind sync bundles refuse them ("expected Uint8Array").
// Component tests run the real core, so Node's own class is put back for every jsdom test file.
const isBytesClass = (value: unknown): value is Uint8ArrayConstructor => typeof value === 'function' && value.name === 'Uint8Array';
const nodeUint8Array: unknown = Object.getPrototypeOf(Buffer); // Buffer extends Node's own Uint8Array
if (isBytesClass(nodeUint8Array)) globalThis.Uint8Array = nodeUint8Array;
