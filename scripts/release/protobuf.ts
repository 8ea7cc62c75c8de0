// The little of protobuf's wire format a CRX3 header needs: length-delimited fields (wire type 2).

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** One `bytes` (or embedded message) field: its key, its length, its bytes. */
export function bytesField(fieldNumber: number, value: Uint8Array): Buffer {
  return Buffer.concat([varint(fieldNumber * 8 + 2), varint(value.length), value]);
}
