// Two-step sign-in codes for the tests (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) from a
// base32 secret, computed with node's crypto as an authenticator app would; and the demo's
// secrets as the seed prints them.
import { createHmac } from 'node:crypto';

const kAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text) {
  const bytes = [];
  let bits = 0;
  let value = 0;
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = kAlphabet.indexOf(c);
    if (index < 0) throw new Error(`not base32: ${text}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

// The code of `secret` for step `step` (30-second periods since the epoch).
export function totpAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(number).padStart(6, '0');
}

const currentStep = () => Math.floor(Date.now() / 30_000);
// The step of the last code used per secret: the server takes each code once.
const lastUsed = new Map();

// A code of `secret` the server has not seen yet: the current one, or (when this process used
// it already) the next one, waited for.
export async function freshCode(secret) {
  let step = currentStep();
  const last = lastUsed.get(secret) ?? -1;
  if (step <= last) {
    step = last + 1;
    await new Promise((resolve) => setTimeout(resolve, step * 30_000 - Date.now() + 200));
  }
  lastUsed.set(secret, step);
  return totpAt(secret, step);
}

// The two-step secret the demo seed printed for `email` ("…  (vendor; two-step secret ABCD…,"),
// or undefined.
export function demoTwoStepSecret(seedOutput, email) {
  const line = seedOutput.split('\n').find((l) => l.includes(` ${email} `) || l.endsWith(` ${email}`));
  return line?.match(/two-step secret ([A-Z2-7]+)/)?.[1];
}
