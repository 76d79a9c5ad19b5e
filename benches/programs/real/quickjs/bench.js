// bench.js: the JavaScript workload, evaluated by main.c with the global N (rounds). Seven parts
// per round, each hashed into a 32-bit checksum: classes and closures, arrays with sort and
// higher-order methods, a typed-array kernel, strings and template literals, regular
// expressions, JSON round trips, and Map/Set. The last expression is the checksum.
"use strict";

function mix(h, v) {
  h = Math.imul(h ^ (v | 0), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

function hashString(h, s) {
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

class Rng {
  constructor(seed) { this.state = seed >>> 0 || 1; }
  next() {
    let x = this.state;
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    this.state = x;
    return x;
  }
  below(n) { return this.next() % n; }
}

class Shape {
  constructor(w, h) { this.w = w; this.h = h; }
  area() { return this.w * this.h; }
  get perimeter() { return 2 * (this.w + this.h); }
}
class Square extends Shape {
  constructor(s) { super(s, s); }
  area() { return super.area() + 1; }
}
class Triangle extends Shape {
  area() { return (this.w * this.h) >> 1; }
}

function objects(rng) {
  const shapes = [];
  for (let i = 0; i < 1000; i++) {
    const k = rng.below(3), a = 1 + rng.below(50), b = 1 + rng.below(50);
    shapes.push(k === 0 ? new Shape(a, b) : k === 1 ? new Square(a) : new Triangle(a, b));
  }
  const counters = [];
  for (let i = 0; i < 16; i++) {
    let count = i;
    counters.push((step) => (count += step));
  }
  let h = 0;
  for (let r = 0; r < 4; r++) {
    let total = 0;
    for (const s of shapes) total += s.area() + s.perimeter;
    for (const c of counters) total += c(r & 3);
    h = mix(h, total);
  }
  return h;
}

function arrays(rng) {
  const records = Array.from({ length: 1000 }, (_, i) => ({ id: i, key: rng.below(1000), tag: "t" + rng.below(300) }));
  records.sort((p, q) => p.key - q.key || (p.tag < q.tag ? -1 : p.tag > q.tag ? 1 : p.id - q.id));
  let h = 0;
  for (let i = 0; i < records.length; i += 13) h = mix(h, records[i].id);
  const evens = records.filter((r) => r.key % 2 === 0).map((r) => r.key * 3 + r.id);
  h = mix(h, evens.reduce((a, b) => (a + b) | 0, 0));
  h = mix(h, records.findIndex((r) => r.tag === "t7"));
  const spread = [...evens.slice(0, 100), ...evens.slice(-100)].reverse();
  return mix(h, spread.indexOf(evens[50]));
}

function typed(rng) {
  const n = 30;
  const a = new Float64Array(n * n), b = new Float64Array(n * n), c = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) { a[i] = rng.below(100) / 10; b[i] = rng.below(100) / 10; }
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      for (let j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
    }
  const bytes = new Uint8Array(c.buffer);
  let h = 0;
  for (let i = 0; i < bytes.length; i += 7) h = mix(h, bytes[i]);
  const ints = new Int32Array(2048);
  for (let i = 0; i < ints.length; i++) ints[i] = rng.next() | 0;
  ints.sort();
  return mix(h, ints[100] ^ ints[2000]);
}

const syllables = ["ka", "to", "ri", "mu", "sen", "dai", "no", "hi", "ya", "te", "ku", "sho"];

function strings(rng) {
  const words = [];
  for (let i = 0; i < 700; i++) {
    let w = syllables[rng.below(12)] + syllables[rng.below(12)];
    if (rng.below(7) === 0) w = w.toUpperCase();
    words.push(w);
    if (i % 17 === 0) words.push(`${rng.below(1000)}.${String(rng.below(100)).padStart(2, "0")}`);
  }
  const text = words.join(" ");
  let h = hashString(0, text.slice(0, 500));
  const counts = {};
  for (const w of text.split(" ")) {
    const k = w.toLowerCase();
    counts[k] = (counts[k] || 0) + 1;
  }
  const keys = Object.keys(counts).sort();
  for (const k of keys) h = mix(h, counts[k] * 31 + k.length);
  h = mix(h, text.replaceAll("ka", "KA").lastIndexOf("KA"));
  h = hashString(h, text.split("").reverse().join("").substring(0, 300));
  return h;
}

function regexps(rng) {
  const lines = [];
  for (let i = 0; i < 300; i++) {
    const user = syllables[rng.below(12)] + rng.below(100);
    const day = String(1 + rng.below(28)).padStart(2, "0");
    lines.push(`${2000 + rng.below(25)}-0${1 + rng.below(9)}-${day} ${user}@${syllables[rng.below(12)]}.example id=${rng.below(100000)} ` +
      (rng.below(3) === 0 ? "status=ok" : "status=fail code=" + rng.below(600)));
  }
  const text = lines.join("\n");
  let h = 0;
  const date = /(\d{4})-(\d{2})-(\d{2})/g;
  for (const m of text.matchAll(date)) h = mix(h, +m[1] * 400 + +m[2] * 31 + +m[3]);
  const mail = /\b([a-z]+)(\d*)@([a-z]+)\.example\b/g;
  let m;
  while ((m = mail.exec(text)) !== null) h = mix(h, m[1].length * 100 + m[3].length + m.index);
  h = mix(h, (text.match(/status=fail code=5\d\d/g) || []).length);
  const swapped = text.replace(/id=(\d+) status=(\w+)/g, (_, id, st) => `${st}#${id % 97}`);
  h = hashString(h, swapped.slice(-400));
  h = mix(h, text.split(/\s+/).length);
  return mix(h, /^(?:(\w+) )+\w+$/m.test(lines[3]) ? 1 : 2);
}

function json(rng) {
  const doc = [];
  for (let i = 0; i < 70; i++) {
    doc.push({ id: i, name: syllables[rng.below(12)] + i, score: rng.below(10000) / 100, tags: [rng.below(5), rng.below(5)],
      nested: { ok: rng.below(2) === 1, note: null, list: Array.from({ length: 4 }, () => rng.below(100)) } });
  }
  let h = 0;
  let text = JSON.stringify(doc);
  for (let r = 0; r < 4; r++) {
    const back = JSON.parse(text);
    let sum = 0;
    for (const o of back) if (o.nested) sum += o.nested.list[r % 4] + (o.nested.ok ? o.tags[0] : o.tags[1]) + Math.round(o.score);
    h = mix(h, sum);
    back.push({ round: r });
    text = JSON.stringify(back, null, r % 2 ? 1 : 0);
    h = mix(h, text.length);
  }
  return h;
}

function collections(rng) {
  const map = new Map(), set = new Set();
  for (let i = 0; i < 3000; i++) {
    const k = rng.below(4000);
    map.set(k, (map.get(k) || 0) + i);
    set.add("s" + (k % 1500));
    if (i % 5 === 0) map.delete(rng.below(4000));
  }
  let h = mix(map.size, set.size);
  for (const [k, v] of map) if (k % 10 === 0) h = mix(h, k ^ v);
  for (const s of set) if (s.endsWith("7")) h = mix(h, s.length);
  return h;
}

let checksum = 0;
for (let round = 0; round < N; round++) {
  const rng = new Rng(0x9e3779b9 + round);
  checksum = mix(checksum, objects(rng));
  checksum = mix(checksum, arrays(rng));
  checksum = mix(checksum, typed(rng));
  checksum = mix(checksum, strings(rng));
  checksum = mix(checksum, regexps(rng));
  checksum = mix(checksum, json(rng));
  checksum = mix(checksum, collections(rng));
}
checksum;
