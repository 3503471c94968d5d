export const add = (a: bigint, b: bigint): bigint => a + b;
