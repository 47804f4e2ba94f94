// The named curves OpenSSL (node's crypto) decodes EC keys on, by the DER of their OBJECT IDENTIFIER
// as an EC key's parameters carry it, with their field size in bytes: read from node's `getCurves()`
// keys. A key on any other curve is one node's X509Certificate#publicKey refuses.
const BY_FIELD_BYTES: Readonly<Record<number, readonly string[]>> = {
  14: ['06052b81040006', '06052b81040007', '0605672b010406', '0605672b010408'],
  15: ['06052b81040004', '06052b81040005', '0605672b010401', '0605672b010404'],
  16: ['06052b8104001c', '06052b8104001d'],
  17: ['06052b81040016', '06052b81040017'],
  20: [
    '06092b2403030208010101',
    '06092b2403030208010102',
    '06052b81040009',
    '06052b81040008',
    '06052b8104001e',
    '0605672b010407',
    '0605672b010409',
  ],
  21: [
    '06082a8648ce3d030001',
    '06082a8648ce3d030002',
    '06082a8648ce3d030003',
    '06052b81040001',
    '06052b81040002',
    '06052b8104000f',
    '0605672b010403',
    '0605672b010405',
  ],
  22: ['06082a8648ce3d030004'],
  24: [
    '06092b2403030208010103',
    '06092b2403030208010104',
    '06082a8648ce3d030005',
    '06082a8648ce3d030006',
    '06082a8648ce3d030007',
    '06082a8648ce3d030101',
    '06082a8648ce3d030102',
    '06082a8648ce3d030103',
    '06052b8104001f',
  ],
  25: ['06052b81040018', '06052b81040019'],
  26: ['06082a8648ce3d03000a'],
  28: [
    '06092b2403030208010105',
    '06092b2403030208010106',
    '06052b81040020',
    '06052b81040021',
    '0605672b01040c',
  ],
  30: [
    '06082a8648ce3d03000b',
    '06082a8648ce3d03000c',
    '06082a8648ce3d03000d',
    '06082a8648ce3d030104',
    '06082a8648ce3d030105',
    '06082a8648ce3d030106',
    '06052b8104001a',
    '06052b8104001b',
    '06052b81040003',
    '0605672b01040a',
    '0605672b01040b',
  ],
  32: [
    '06082a811ccf5501822d',
    '06092b2403030208010107',
    '06092b2403030208010108',
    '06082a8648ce3d030107',
    '06052b8104000a',
  ],
  34: ['06082a8648ce3d030010'],
  36: ['06052b81040010', '06052b81040011'],
  38: ['06082a8648ce3d030011'],
  40: ['06092b2403030208010109', '06092b240303020801010a'],
  45: ['06082a8648ce3d030012'],
  46: ['06082a8648ce3d030013'],
  48: ['06092b240303020801010b', '06092b240303020801010c', '06052b81040022'],
  52: ['06052b81040024', '06052b81040025'],
  54: ['06082a8648ce3d030014'],
  64: ['06092b240303020801010d', '06092b240303020801010e'],
  66: ['06052b81040023'],
  72: ['06052b81040026', '06052b81040027'],
};

/** Field size in bytes of each curve OpenSSL knows, by the hex DER of its OID. */
export const OPENSSL_CURVES: ReadonlyMap<string, number> = new Map(
  Object.entries(BY_FIELD_BYTES).flatMap(([bytes, oids]) => oids.map((oid) => [oid, Number(bytes)] as const)),
);

/** Whether `point` is an encoding OpenSSL can read on a curve of `fieldBytes`: (un)compressed or hybrid. */
export function pointFits(point: Uint8Array, fieldBytes: number): boolean {
  const form = point[0];
  if (form === 0x02 || form === 0x03) return point.length === 1 + fieldBytes;
  return (form === 0x04 || form === 0x06 || form === 0x07) && point.length === 1 + 2 * fieldBytes;
}
