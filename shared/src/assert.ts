/** Ends an exhaustive switch: a new union member without a branch is a type error here. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
