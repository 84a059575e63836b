/**
 * Certificates for the simulator: a CA per simulated fleet and server certs for
 * every HTTPS endpoint (Kubernetes API, istiod, ...).
 *
 * Node 20 can sign but cannot build X.509 certificates, and node-forge only
 * does RSA (2048-bit keys take ~250 ms each here). So we generate EC P-256 keys
 * with node:crypto (<1 ms) and DER-encode the few certificate structures we need
 * by hand (RFC 5280), signing the TBSCertificate with crypto.sign.
 */
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { isIP, isIPv6 } from 'node:net';

/** A PEM certificate and its PKCS#8 PEM private key. */
export interface CertKeyPair {
  certPem: string;
  keyPem: string;
}

export interface CreateCaOptions {
  /** Default 3650. */
  validDays?: number;
  /** Default: one hour ago (tolerates small clock skew). */
  notBefore?: Date;
}

export interface IssueServerCertOptions {
  commonName: string;
  /** DNS names and IP addresses (v4 or v6), e.g. 'localhost', '127.0.0.1', '::1'. */
  altNames: string[];
  /** Default 825. */
  validDays?: number;
  notBefore?: Date;
}

// ---- minimal DER encoding -------------------------------------------------

function tlv(tag: number, content: Buffer): Buffer {
  const len = content.length;
  let header: Buffer;
  if (len < 0x80) header = Buffer.from([tag, len]);
  else if (len < 0x100) header = Buffer.from([tag, 0x81, len]);
  else if (len < 0x10000) header = Buffer.from([tag, 0x82, len >> 8, len & 0xff]);
  else header = Buffer.from([tag, 0x83, len >> 16, (len >> 8) & 0xff, len & 0xff]);
  return Buffer.concat([header, content]);
}
const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const octets = (b: Buffer): Buffer => tlv(0x04, b);
const bitString = (b: Buffer, unusedBits = 0): Buffer => tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), b]));
const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0x00]));
const explicit = (n: number, inner: Buffer): Buffer => tlv(0xa0 + n, inner);

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [40 * (parts[0] ?? 0) + (parts[1] ?? 0)];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function time(d: Date): Buffer {
  // RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime after.
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'; // YYYYMMDDHHMMSSZ
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii')) : tlv(0x18, Buffer.from(iso, 'ascii'));
}

const nameOf = (cn: string): Buffer => seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))));

/** Reads one TLV header at `at`; returns where its content starts and ends. */
function readTlv(buf: Buffer, at: number): { start: number; end: number } {
  let len = buf[at + 1] ?? 0;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[start + i] ?? 0);
    start += n;
  }
  return { start, end: start + len };
}

/** The raw subject Name (TLV) of a DER certificate, reused verbatim as the issuer of certs it signs. */
function subjectDer(certDer: Buffer): Buffer {
  const tbs = readTlv(certDer, readTlv(certDer, 0).start);
  let at = tbs.start;
  // version [0], serial, signature alg, issuer, validity, subject
  for (let i = 0; i < 5; i++) at = readTlv(certDer, at).end;
  return certDer.subarray(at, readTlv(certDer, at).end);
}

/** RFC 5280 key identifier: SHA-1 of the subjectPublicKey BIT STRING contents. */
function keyId(spkiDer: Buffer): Buffer {
  const outer = readTlv(spkiDer, 0);
  const alg = readTlv(spkiDer, outer.start);
  const bits = readTlv(spkiDer, alg.end);
  return createHash('sha1').update(spkiDer.subarray(bits.start + 1, bits.end)).digest();
}

function ipBytes(ip: string): Buffer {
  if (!isIPv6(ip)) return Buffer.from(ip.split('.').map(Number));
  const [head = '', tail] = ip.split('::');
  const toWords = (s: string): number[] => (s ? s.split(':').map((h) => parseInt(h, 16)) : []);
  const h = toWords(head);
  const t = tail === undefined ? [] : toWords(tail);
  const words = [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
  const out = Buffer.alloc(16);
  words.forEach((w, i) => out.writeUInt16BE(w, i * 2));
  return out;
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

function signatureAlgorithm(key: KeyObject): Buffer {
  if (key.asymmetricKeyType === 'ec') return seq(oid('1.2.840.10045.4.3.2')); // ecdsa-with-SHA256
  if (key.asymmetricKeyType === 'rsa') return seq(oid('1.2.840.113549.1.1.11'), tlv(0x05, Buffer.alloc(0)));
  throw new Error(`unsupported CA key type ${key.asymmetricKeyType}`);
}

interface BuildArgs {
  subject: Buffer;
  issuer: Buffer;
  spki: Buffer;
  signer: KeyObject;
  notBefore: Date;
  validDays: number;
  extensions: Buffer[];
}

function buildCert(a: BuildArgs): string {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 1) & 0x7f) | 0x01; // positive and non-zero
  const algo = signatureAlgorithm(a.signer);
  const notAfter = new Date(a.notBefore.getTime() + a.validDays * 86_400_000);
  const tbs = seq(
    explicit(0, tlv(0x02, Buffer.from([2]))), // v3
    tlv(0x02, serial),
    algo,
    a.issuer,
    seq(time(a.notBefore), time(notAfter)),
    a.subject,
    a.spki,
    explicit(3, seq(...a.extensions)),
  );
  const signature = sign('sha256', tbs, a.signer); // DER ECDSA-Sig-Value / PKCS#1 v1.5
  const der = seq(tbs, algo, bitString(signature));
  const b64 = der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

function newKey(): { spki: Buffer; privateKey: KeyObject; keyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return { spki, privateKey, keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

const defaultNotBefore = (): Date => new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);

/** Creates a self-signed CA certificate (basicConstraints CA:true, keyCertSign) with an EC P-256 key. */
export function createCa(commonName: string, opts: CreateCaOptions = {}): CertKeyPair {
  const { spki, privateKey, keyPem } = newKey();
  const name = nameOf(commonName);
  const ski = keyId(spki);
  const certPem = buildCert({
    subject: name,
    issuer: name,
    spki,
    signer: privateKey,
    notBefore: opts.notBefore ?? defaultNotBefore(),
    validDays: opts.validDays ?? 3650,
    extensions: [
      extension('2.5.29.19', true, seq(bool(true))), // basicConstraints CA:true
      extension('2.5.29.15', true, bitString(Buffer.from([0x86]), 1)), // digitalSignature, keyCertSign, cRLSign
      extension('2.5.29.14', false, octets(ski)),
    ],
  });
  return { certPem, keyPem };
}

/** Issues a TLS server certificate (serverAuth + clientAuth) signed by `ca`, valid for the given DNS names and IPs. */
export function issueServerCert(ca: CertKeyPair, opts: IssueServerCertOptions): CertKeyPair {
  const caCert = new X509Certificate(ca.certPem);
  const caKey = createPrivateKey(ca.keyPem);
  const { spki, keyPem } = newKey();
  const sans = opts.altNames.map((n) => (isIP(n) ? tlv(0x87, ipBytes(n)) : tlv(0x82, Buffer.from(n, 'ascii'))));
  const caSpki = caCert.publicKey.export({ type: 'spki', format: 'der' });
  const certPem = buildCert({
    subject: nameOf(opts.commonName),
    issuer: subjectDer(caCert.raw),
    spki,
    signer: caKey,
    notBefore: opts.notBefore ?? defaultNotBefore(),
    validDays: opts.validDays ?? 825,
    extensions: [
      extension('2.5.29.19', true, seq()), // basicConstraints CA:false
      extension('2.5.29.15', true, bitString(Buffer.from([0x80]), 7)), // digitalSignature
      extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
      extension('2.5.29.17', false, seq(...sans)),
      extension('2.5.29.14', false, octets(keyId(spki))),
      extension('2.5.29.35', false, seq(tlv(0x80, keyId(caSpki)))),
    ],
  });
  return { certPem, keyPem };
}
