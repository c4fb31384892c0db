// DER encoding for @sigstore/core's ASN.1 objects, in one allocation.
//
// Why this exists (measured, 2026-11-23, @sigstore/core 2.0.0, the same code in 3.x and 4.x):
// verifying a bundle re-encodes certificates to DER many times over (to compare two certificates,
// to build and sort chain paths once per timestamp, to check each signature over a
// tbsCertificate, to check an SCT), and the library's `ASN1Obj.toDER` allocates two zeroed
// streams of at least 1 KiB for every node of the tree and grows them 1 KiB at a time. That was
// 87% of a bundle's verification time: 5.5 ms a bundle warm and 23 ms for the first one, against
// 2.2 ms and 10 ms with this encoder. Promotion verifies the source before it writes anything, so
// this time is the serial part of every promote.
//
// The replacement computes the same bytes from the same fields (tag, value, subs) at each call,
// as the original does, so objects changed after parsing (the SCT check removes an extension
// from a copy) encode the same way. `installFastDerEncoding` installs it only after checking,
// on a sample holding long and short lengths, that both encoders agree; a later @sigstore/core
// whose objects look different keeps its own encoder. The tests compare both encoders over real
// certificates, timestamps and trust roots.
import { ASN1Obj } from '@sigstore/core'

/** The fields of an ASN1Obj that its encoding is made of. */
interface Asn1Node {
  tag: { toDER(): number }
  value: Buffer
  subs: Asn1Node[]
}

type Encoder = (this: Asn1Node) => Buffer

let libraryEncoder: Encoder | undefined

/** The DER encoding of `node`: its tag, its length, then its value (or its subs' encodings, when it has subs). */
export function encodeDer(node: Asn1Node): Buffer {
  const contentLengths = new Map<Asn1Node, number>()
  const out = Buffer.allocUnsafe(measure(node, contentLengths))
  const end = write(node, out, 0, contentLengths)
  if (end !== out.length) throw new Error(`DER encoding wrote ${end} of ${out.length} bytes`)
  return out
}

/** Encoded size of `node`, recording each node's content length for `write`. */
function measure(node: Asn1Node, contentLengths: Map<Asn1Node, number>): number {
  let content = 0
  if (node.subs.length === 0) content = node.value.length
  else for (const sub of node.subs) content += measure(sub, contentLengths)
  contentLengths.set(node, content)
  return 1 + lengthOctets(content) + content
}

/** Short form below 128, else 0x80 | n and n big-endian octets (X.690 8.1.3). */
function lengthOctets(length: number): number {
  if (length < 0x80) return 1
  let octets = 0
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets++
  return 1 + octets
}

function write(node: Asn1Node, out: Buffer, at: number, contentLengths: Map<Asn1Node, number>): number {
  const content = contentLengths.get(node)!
  out[at++] = node.tag.toDER()
  if (content < 0x80) out[at++] = content
  else {
    const octets = lengthOctets(content) - 1
    out[at++] = 0x80 | octets
    for (let i = octets - 1; i >= 0; i--) out[at++] = Math.floor(content / 256 ** i) % 256
  }
  if (node.subs.length === 0) return at + node.value.copy(out, at)
  for (const sub of node.subs) at = write(sub, out, at, contentLengths)
  return at
}

/**
 * SEQUENCE { SEQUENCE { a 200-byte OCTET STRING (long-form length), INTEGER, NULL }, BOOLEAN }: long
 * and short lengths, nesting and an empty value, enough to tell whether the library's objects still
 * have the fields we encode.
 */
function sample(): Buffer {
  const octets = Buffer.concat([Buffer.from([0x04, 0x81, 200]), Buffer.alloc(200, 7)])
  const inner = Buffer.concat([octets, Buffer.from([0x02, 0x01, 0x05, 0x05, 0x00])])
  const sequence = (body: Buffer): Buffer => Buffer.concat([Buffer.from([0x30, 0x81, body.length]), body])
  return sequence(Buffer.concat([sequence(inner), Buffer.from([0x01, 0x01, 0xff])]))
}

/** Replaces `ASN1Obj.prototype.toDER` with `encodeDer`, once, if both agree on a sample. Returns whether it is installed. */
export function installFastDerEncoding(): boolean {
  const prototype = ASN1Obj.prototype as unknown as { toDER: Encoder }
  if (libraryEncoder) return prototype.toDER !== libraryEncoder
  libraryEncoder = prototype.toDER
  try {
    const bytes = sample()
    const parsed = ASN1Obj.parseBuffer(bytes) as unknown as Asn1Node
    if (!libraryEncoder.call(parsed).equals(bytes) || !encodeDer(parsed).equals(bytes)) return false
  } catch {
    return false
  }
  prototype.toDER = function (this: Asn1Node): Buffer {
    return encodeDer(this)
  }
  return true
}
