// Display filters (definition-format.md §7.5): MongoDB-style conditions over a property's sibling values.
//
//   filter    = { "<field or dotted.path>": condition, …, "$and"?: [filter], "$or"?: [filter], "$nor"?: [filter] }
//   condition = a plain JSON value (equality) | { $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $exists,
//                                                 $regex (+ $options), $mod, $size }
//
// As in MongoDB, an array value matches a scalar condition when one of its elements does, and a missing field
// matches {$ne: x}, {$nin: [...]} and {$exists: false} only.

/** True if the values match the filter. An absent or empty filter matches. */
export function matches(filter, values) {
  if (filter === null || filter === undefined) return true;
  if (typeof filter !== 'object' || Array.isArray(filter)) return false;
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and') {
      if (!asList(condition).every(f => matches(f, values))) return false;
    } else if (key === '$or') {
      if (!asList(condition).some(f => matches(f, values))) return false;
    } else if (key === '$nor') {
      if (asList(condition).some(f => matches(f, values))) return false;
    } else if (!fieldMatches(lookup(values, key), condition)) {
      return false;
    }
  }
  return true;
}

/** Whether a property with this `display` member is visible given its siblings' values. */
export function visible(display, values) {
  if (!display) return true;
  if (display.show && !matches(display.show, values)) return false;
  if (display.hide && matches(display.hide, values)) return false;
  return true;
}

function asList(value) {
  return Array.isArray(value) ? value : [];
}

/** The value at a dotted path; undefined when any step is missing. */
export function lookup(values, path) {
  let current = values;
  for (const part of String(path).split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) && !/^\d+$/.test(part) ? undefined : current[part];
  }
  return current;
}

function isOperatorObject(condition) {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return false;
  const keys = Object.keys(condition);
  return keys.length > 0 && keys.every(k => k.startsWith('$'));
}

function fieldMatches(value, condition) {
  if (!isOperatorObject(condition)) return equalsOrContains(value, condition);
  for (const [op, arg] of Object.entries(condition)) {
    if (!operatorMatches(op, arg, value, condition)) return false;
  }
  return true;
}

function operatorMatches(op, arg, value, condition) {
  switch (op) {
    case '$eq': return equalsOrContains(value, arg);
    case '$ne': return !equalsOrContains(value, arg);
    case '$gt': return anyElement(value, v => compare(v, arg) > 0);
    case '$gte': return anyElement(value, v => compare(v, arg) >= 0);
    case '$lt': return anyElement(value, v => compare(v, arg) < 0);
    case '$lte': return anyElement(value, v => compare(v, arg) <= 0);
    case '$in': return asList(arg).some(candidate => equalsOrContains(value, candidate));
    case '$nin': return !asList(arg).some(candidate => equalsOrContains(value, candidate));
    case '$exists': return (value !== undefined) === Boolean(arg);
    case '$regex': return regexMatches(value, arg, condition.$options);
    case '$options': return true; // read by $regex
    case '$mod': return anyElement(value, v => modMatches(v, arg));
    case '$size': return Array.isArray(value) && value.length === arg;
    default:
      console.warn('inspector: unsupported display filter operator', op);
      return true;
  }
}

/** Equality, or, for an array value and a non-array condition, "an element equals". Missing equals null. */
function equalsOrContains(value, expected) {
  if (value === undefined) return expected === null;
  if (deepEqual(value, expected)) return true;
  return Array.isArray(value) && !Array.isArray(expected) && value.some(v => deepEqual(v, expected));
}

function anyElement(value, test) {
  if (Array.isArray(value)) return value.some(test);
  return test(value);
}

/** Compares numbers with numbers and strings with strings; anything else is incomparable (NaN). */
function compare(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return NaN;
}

function regexMatches(value, pattern, options) {
  if (typeof pattern !== 'string') return false;
  let regex;
  try {
    // JavaScript has no "x" (extended) flag: drop it rather than fail.
    const flags = String(options || '').replace(/[^imsu]/g, '');
    regex = new RegExp(pattern, [...new Set(flags)].join(''));
  } catch (e) {
    return false;
  }
  return anyElement(value, v => typeof v === 'string' && regex.test(v));
}

function modMatches(value, arg) {
  if (typeof value !== 'number' || !Array.isArray(arg) || arg.length !== 2 || !arg[0]) return false;
  return Math.trunc(value) % arg[0] === arg[1];
}

export function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every(k => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
}
