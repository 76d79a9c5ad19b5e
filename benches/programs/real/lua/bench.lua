-- bench.lua: the Lua workload, run by main.c with the global N (rounds). Six parts per round, each
-- folding its results into one 64-bit integer checksum: binary trees (allocation and the garbage
-- collector), fannkuch (array permutations), string work (patterns, gsub, format, concat),
-- objects with metatables and closures, spectral norm (floats), and sorting records with a
-- comparator. Returns the checksum; raises no error and uses no coroutine (see wasi.h).

local function mix(acc, v)
  return acc ~ (v + 0x9e3779b97f4a7c15 + (acc << 6) + (acc >> 2))
end

-- Binary trees: build, check and drop complete trees of tables.
local function make_tree(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return { make_tree(depth), make_tree(depth) }
end

local function check_tree(tree)
  if tree[1] then return 1 + check_tree(tree[1]) + check_tree(tree[2]) end
  return 1
end

local function binary_trees(max_depth)
  local acc = 0
  local long_lived = make_tree(max_depth)
  for depth = 4, max_depth, 2 do
    local iterations = 1 << (max_depth - depth + 4)
    local check = 0
    for _ = 1, iterations do check = check + check_tree(make_tree(depth)) end
    acc = mix(acc, check)
  end
  return mix(acc, check_tree(long_lived))
end

-- Fannkuch-redux: flips of every permutation of 1..n, and its checksum.
local function fannkuch(n)
  local perm, perm1, count = {}, {}, {}
  local max_flips, checksum, r, sign = 0, 0, n, 1
  for i = 0, n - 1 do perm1[i] = i end
  while true do
    while r ~= 1 do count[r - 1] = r; r = r - 1 end
    for i = 0, n - 1 do perm[i] = perm1[i] end
    local flips = 0
    local k = perm[0]
    while k ~= 0 do
      local i, j = 0, k
      while i < j do perm[i], perm[j] = perm[j], perm[i]; i = i + 1; j = j - 1 end
      flips = flips + 1
      k = perm[0]
    end
    if flips > max_flips then max_flips = flips end
    checksum = checksum + sign * flips
    sign = -sign
    while true do
      if r == n then return mix(max_flips, checksum) end
      local perm0 = perm1[0]
      for i = 0, r - 1 do perm1[i] = perm1[i + 1] end
      perm1[r] = perm0
      count[r] = count[r] - 1
      if count[r] > 0 then break end
      r = r + 1
    end
  end
end

-- Strings: generate text, split it into words, count them, rewrite it with patterns.
local syllables = { "ka", "to", "ri", "mu", "sen", "dai", "no", "hi", "ya", "te", "ku", "sho" }

local function strings(seed)
  local parts = {}
  local x = seed
  for i = 1, 3000 do
    x = (x * 1103515245 + 12345) & 0x7fffffff
    local word = syllables[x % #syllables + 1] .. syllables[(x >> 8) % #syllables + 1]
    if x % 7 == 0 then word = word:upper() end
    parts[#parts + 1] = word
    if i % 13 == 0 then parts[#parts + 1] = string.format("%d.%02d", x % 1000, i % 100) end
  end
  local text = table.concat(parts, " ")
  local counts, distinct = {}, 0
  for word in text:gmatch("%a+") do
    local lower = word:lower()
    if not counts[lower] then distinct = distinct + 1; counts[lower] = 0 end
    counts[lower] = counts[lower] + 1
  end
  local acc = mix(#text, distinct)
  local keys = {}
  for k in pairs(counts) do keys[#keys + 1] = k end
  table.sort(keys)
  for i, k in ipairs(keys) do acc = mix(acc, i * counts[k] + #k) end
  local swapped, n = text:gsub("(%a+) (%a+)", "%2-%1")
  acc = mix(acc, n + #swapped)
  local numbers = 0
  for whole, frac in text:gmatch("(%d+)%.(%d+)") do numbers = numbers + tonumber(whole) * 100 + tonumber(frac) end
  acc = mix(acc, numbers)
  local reversed = swapped:sub(1, 2000):reverse()
  for i = 1, #reversed, 37 do acc = mix(acc, reversed:byte(i)) end
  local found, pos = 0, 1
  while true do
    local s, e = text:find("ka%a-ri", pos)
    if not s then break end
    found = found + 1
    pos = e + 1
  end
  return mix(acc, found)
end

-- Objects: a small class hierarchy with metatables, methods, __index chains and closures.
local Shape = {}
Shape.__index = Shape
function Shape.new(kind, a, b) return setmetatable({ kind = kind, a = a, b = b }, Shape) end
function Shape:area() return self.a * self.b end
function Shape:scale(k) self.a = self.a * k; self.b = self.b * k; return self end

local Circle = setmetatable({}, { __index = Shape })
Circle.__index = Circle
function Circle.new(r) local c = Shape.new("circle", r, r); return setmetatable(c, Circle) end
function Circle:area() return 3 * self.a * self.a end

local Vec = {}
Vec.__index = Vec
Vec.__add = function(p, q) return setmetatable({ x = p.x + q.x, y = p.y + q.y }, Vec) end
Vec.__eq = function(p, q) return p.x == q.x and p.y == q.y end
local function vec(x, y) return setmetatable({ x = x, y = y }, Vec) end

local function objects(rounds)
  local acc = 0
  local shapes = {}
  for i = 1, 200 do
    if i % 3 == 0 then shapes[i] = Circle.new(i % 17 + 1) else shapes[i] = Shape.new("rect", i % 11 + 1, i % 5 + 2) end
  end
  local counters = {}
  for i = 1, 8 do
    local count = i
    counters[i] = function(step) count = count + step; return count end
  end
  for r = 1, rounds do
    local total = 0
    for _, s in ipairs(shapes) do total = total + s:area() end
    local v = vec(0, 0)
    for i = 1, 100 do v = v + vec(i, r) end
    if v == vec(5050, 100 * r) then total = total + 1 end
    for i = 1, 8 do total = total + counters[i](r % 3) end
    shapes[r % 200 + 1]:scale(1)
    acc = mix(acc, total)
  end
  return acc
end

-- Spectral norm: the largest singular value of an infinite matrix, in floats.
local function spectral_norm(n)
  local function a(i, j)
    local ij = i + j - 1
    return 1.0 / (ij * (ij - 1) * 0.5 + i)
  end
  local function av(x, y, count)
    for i = 1, count do
      local sum = 0.0
      for j = 1, count do sum = sum + a(i, j) * x[j] end
      y[i] = sum
    end
  end
  local function atv(x, y, count)
    for i = 1, count do
      local sum = 0.0
      for j = 1, count do sum = sum + a(j, i) * x[j] end
      y[i] = sum
    end
  end
  local u, v, t = {}, {}, {}
  for i = 1, n do u[i] = 1.0 end
  for _ = 1, 10 do
    av(u, t, n); atv(t, v, n)
    av(v, t, n); atv(t, u, n)
  end
  local vbv, vv = 0.0, 0.0
  for i = 1, n do vbv = vbv + u[i] * v[i]; vv = vv + v[i] * v[i] end
  return math.floor(math.sqrt(vbv / vv) * 1e9)
end

-- Sorting records by two keys with a Lua comparator.
local function sorting(seed, count)
  local records = {}
  local x = seed
  for i = 1, count do
    x = (x * 6364136223846793005 + 1442695040888963407)
    records[i] = { key = (x >> 40) % 1000, id = i, name = "r" .. ((x >> 20) % 5000) }
  end
  table.sort(records, function(p, q)
    if p.key ~= q.key then return p.key < q.key end
    return p.name < q.name or (p.name == q.name and p.id < q.id)
  end)
  local acc = 0
  for i = 1, count, 7 do acc = mix(acc, records[i].id * 1000 + records[i].key) end
  return acc
end

local checksum = 0
for round = 1, N do
  checksum = mix(checksum, binary_trees(10))
  checksum = mix(checksum, fannkuch(7))
  checksum = mix(checksum, strings(round))
  checksum = mix(checksum, objects(300))
  checksum = mix(checksum, spectral_norm(60))
  checksum = mix(checksum, sorting(round, 3000))
end
return checksum
