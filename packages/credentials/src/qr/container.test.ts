import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from './base45.js';
import { CONTAINER_V1, CONTAINER_V2, packContainer, unpackContainer } from './container.js';
import { decodeQrText } from './decode.js';
import { DICTIONARY_V1, DICTIONARY_V2 } from './dictionary.js';
import { encodeQrText } from './encode.js';
import {
  SAMPLE_TRAVEL_CARD_CREDENTIAL,
  SAMPLE_VACCINATION_CREDENTIAL,
  signSample,
  thrownCode,
} from './fixtures.js';
import { splitCompactJws } from './jws.js';
import { QR_PREFIX } from './text.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A fixed credential with the two status entries the issuer writes, and a dummy signature. */
const JWS = [
  b64({ alg: 'ES256', kid: 'did:web:health.example.go.th:authorities:moph#key-1', typ: 'vc+jwt' }),
  b64({
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/passage/v1'],
    id: 'urn:uuid:0b8a4f4e-9a57-4a36-8d52-3c1e7f2a9b60',
    type: ['VerifiableCredential', 'VaccinationCertificate'],
    issuer: 'did:web:health.example.go.th:authorities:moph',
    validFrom: '2025-01-15T09:00:00Z',
    credentialSubject: { person: { name: 'Test Person' } },
    credentialStatus: ['revocation', 'suspension'].map((purpose) => ({
      type: 'BitstringStatusListEntry',
      statusPurpose: purpose,
      statusListIndex: '104729',
      statusListCredential: `https://health.example.go.th/status-lists/moph-0-${purpose}`,
    })),
  }),
  Buffer.alloc(64, 7).toString('base64url'),
].join('.');

/** QR texts of {@link JWS} written by the first encoder of each version: decoders must keep reading them. */
const GOLDEN = {
  [CONTAINER_V1]:
    'PV1:570:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*02:OCX9WOO:32QAM6W0 -J7F9O%U$+5OIACYKLY667W:IANYQJP9:HC*$IH7W .0$CVY14KEJDOD+:GSNTM094%B8X4E$V3PELMQVO6IIKCX0FZKIMB5074EJ3MB:KG+CDMIG/98YMUWIEM3N3PK1RD6.GSEAFXMBDNS4P4N9$Z043L95M88TZ7CJ3RH3JB%MRZ52PE 9MAHU+E6T82JAQ4UPPYKGIEVVS-YIG+EX14.20EJH$CEBAU*3N%%DZ1NLL69OQN3790',
  [CONTAINER_V2]:
    'PV1: C0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*0:*03UH/-3:A3TFH2V4 MFNW2PHN1D7AOFBOV2V4D.AM*KYC3.Z8+X4 KLG/ATLVD73I$2YZ09%2N%4.*4LQN3IHQ7TA*4U3PSNN.B5G.8*5P31HZ5TC-8/:II+C0VA%.ASJGMZ5WVH6XH+ZE*P1UU1JL8VP5LGIAWBC422JB/LKH00%.LRNB$JCE8C0/DHE9RT5ZZ2$FLLI1MV7N9A1AAVLO:U400',
};

describe('container versions', () => {
  it.each([CONTAINER_V1, CONTAINER_V2] as const)(
    'decodes the golden version-%i text to its JWS',
    (version) => {
      expect(decodeBase45(GOLDEN[version].slice(QR_PREFIX.length))[0]).toBe(version);
      expect(decodeQrText(GOLDEN[version])).toBe(JWS);
    },
  );

  it('keeps both dictionaries byte for byte (a change needs a new version)', () => {
    const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(sha256(DICTIONARY_V1)).toBe('4ba3d8a764a3be9a1b36aaf0b69b014012c241db7a3c1460b2a91fa737e44281');
    expect(sha256(DICTIONARY_V2)).toBe('cf1e9e571f6770aa6fdeb925831114be440c05c14f0d946f512e8d1be19d5133');
  });

  it('writes version 2 unless told', () => {
    expect(packContainer(splitCompactJws(JWS))[0]).toBe(CONTAINER_V2);
    expect(decodeBase45(encodeQrText(JWS).slice(QR_PREFIX.length))[0]).toBe(CONTAINER_V2);
  });

  it('writes version 1 when told, for verifiers not yet updated', () => {
    const text = encodeQrText(JWS, { containerVersion: CONTAINER_V1 });
    expect(decodeBase45(text.slice(QR_PREFIX.length))[0]).toBe(CONTAINER_V1);
    expect(decodeQrText(text)).toBe(JWS);
  });

  it('writes status entries shorter in version 2', () => {
    const v1 = encodeQrText(JWS, { containerVersion: CONTAINER_V1 });
    expect(encodeQrText(JWS).length).toBeLessThan(v1.length - 30);
  });

  it('refuses an unknown version when encoding', () => {
    const options = { containerVersion: 3 } as unknown as { containerVersion: 1 };
    expect(thrownCode(() => encodeQrText(JWS, options))).toBe('INVALID_ARGUMENT');
  });

  it('does not give back the JWS from a version-1 body relabelled as version 2', () => {
    const bytes = Uint8Array.from(decodeBase45(GOLDEN[CONTAINER_V1].slice(QR_PREFIX.length)));
    bytes[0] = CONTAINER_V2;
    let decoded: string | undefined;
    const code = thrownCode(() => {
      decoded = decodeQrText(QR_PREFIX + encodeBase45(bytes));
    });
    expect(code === undefined ? decoded : code).not.toBe(JWS);
    expect(code).not.toBe('NOT_A_CREDENTIAL_ERROR');
  });

  it('writes the bytes zlib writes with its largest window and memory, using less of either', () => {
    // The window is sized to the dictionary and the credential, memLevel 8 instead of 9: a fresh
    // stream allocates and clears ~160 kB instead of ~384 kB, and the output must not change.
    const samples = [
      JWS,
      ...[SAMPLE_VACCINATION_CREDENTIAL, SAMPLE_TRAVEL_CARD_CREDENTIAL].map(
        (c) => signSample(c, 'ES256').jws,
      ),
    ];
    for (const jws of samples) {
      for (const [version, dictionary] of [
        [CONTAINER_V1, DICTIONARY_V1],
        [CONTAINER_V2, DICTIONARY_V2],
      ] as const) {
        const parts = splitCompactJws(jws);
        const packed = packContainer(parts, version);
        const inner = Buffer.concat([Uint8Array.of(parts.header.length), parts.header, parts.payload]);
        const widest = deflateRawSync(inner, { level: 9, memLevel: 9, dictionary });
        expect(Buffer.from(packed.subarray(2 + parts.signature.length))).toEqual(widest);
      }
    }
  });

  it('unpacks what it packs, in either version', () => {
    for (const version of [CONTAINER_V1, CONTAINER_V2] as const) {
      const parts = splitCompactJws(JWS);
      expect(unpackContainer(packContainer(parts, version))).toEqual(parts);
    }
  });
});
