package graph

import "strings"

// guardJS is prepended to every Gizmo query. Some malformed Gizmo calls
// (g.V().Out({a:1}), .Tag(1), a function where a predicate belongs, ...)
// panic in Go inside the goroutine Gizmo runs the query in, which no
// recover can reach and which kills the whole process. The guard wraps the
// graph object, every object its methods return and the global helper
// functions in proxies that check each argument's type against what the
// method accepts and throw a JavaScript TypeError instead. Arrays given
// where values belong (g.V([a, b]), .Is([a, b])) are spread into separate
// arguments, which Gizmo itself does not do. User code never
// sees an unwrapped object: callbacks get the proxy as `this`.
//
// It is written on one line so that line numbers in the user's query stay
// right.
var guardJS = strings.Join(strings.Fields(`
var graph = (function (raw) {
  var T = new WeakMap();
  var VAL = 1, VIA = 2, TAG = 3, NUM = 4, FN = 5, ANY = 6, PATH = 7, STR = 8;
  var spec = {
    out: [VIA, TAG], in: [VIA, TAG], both: [VIA, TAG], labelContext: [VIA, TAG],
    outPredicates: [], inPredicates: [], labels: [], unique: [], count: [], all: [], getLimit: [],
    tag: [TAG], as: [TAG], back: [TAG], saveInPredicates: [TAG], saveOutPredicates: [TAG],
    save: [VIA, STR], saveR: [VIA, STR], saveOpt: [VIA, STR], saveOptR: [VIA, STR],
    has: [VIA, VAL], hasR: [VIA, VAL], is: [VAL],
    follow: [PATH], followR: [PATH], followRecursive: [VIA, VAL, TAG],
    and: [PATH], intersect: [PATH], or: [PATH], union: [PATH], except: [PATH], difference: [PATH],
    limit: [NUM], skip: [NUM], filter: [VAL], order: [],
    forEach: [FN], map: [FN], toArray: [NUM], tagArray: [NUM], toValue: [], tagValue: [],
    v: [VAL], vertex: [VAL], m: [], morphism: [], iRI: [STR], uri: [STR], emit: [ANY],
    addNamespace: [STR], addDefaultNamespaces: [], loadNamespaces: [],
    iri: [STR], bnode: [STR], raw: [STR], str: [STR], lang: [STR], typed: [STR],
    lt: [VAL], lte: [VAL], gt: [VAL], gte: [VAL], regex: [VAL], like: [STR]
  };
  function bad(name, i, why) { throw new TypeError(name + ": argument " + (i + 1) + ": " + why); }
  function isObj(v) { return v !== null && (typeof v === "object"); }
  function check(name, i, kind, v, depth) {
    if (depth > 8) { bad(name, i, "nested too deeply"); }
    if (kind === ANY) { return T.has(v) ? T.get(v) : v; }
    if (v === null || v === undefined) {
      if (kind === VIA || kind === VAL) { return v; }
      bad(name, i, "missing value");
    }
    var t = typeof v;
    if (Array.isArray(v)) {
      if (kind === NUM || kind === FN || kind === PATH) { bad(name, i, "an array is not allowed here"); }
      var out = [];
      for (var j = 0; j < v.length; j++) { out.push(check(name, i, kind, v[j], depth + 1)); }
      return out;
    }
    if (t === "string") {
      if (kind === NUM || kind === FN || kind === PATH) { bad(name, i, "a string is not allowed here"); }
      return v;
    }
    if (t === "number") {
      if (kind === NUM || kind === VAL) { return v; }
      if (kind === FN && name !== "forEach" && name !== "map") { bad(name, i, "a number is not allowed here"); }
      if (kind === FN) { return v; }
      bad(name, i, "a number is not allowed here");
    }
    if (t === "boolean") {
      if (kind === VAL) { return v; }
      bad(name, i, "a boolean is not allowed here");
    }
    if (t === "function") {
      if (kind === FN) { return v; }
      bad(name, i, "a function is not allowed here");
    }
    if (isObj(v) && T.has(v)) {
      if (kind === TAG || kind === STR || kind === NUM || kind === FN) { bad(name, i, "a graph object is not allowed here"); }
      return T.get(v);
    }
    bad(name, i, "unsupported value " + String(v) + " (use strings, numbers, arrays, paths and g.IRI values)");
  }
  function wrap(v) {
    if (!isObj(v) || Array.isArray(v)) { return v; }
    var p = new Proxy({}, {
      get: function (d, k) {
        var f = v[k];
        if (typeof f !== "function" || typeof k !== "string") { return f; }
        return guard(k, f, v, p);
      },
      set: function () { return false; }
    });
    T.set(p, v);
    return p;
  }
  function lc(s) { return s.charAt(0).toLowerCase() + s.slice(1); }
  function guard(k, f, self, proxy) {
    var name = lc(k);
    var sp = spec[name];
    return function () {
      if (!sp) { throw new TypeError(k + " is not available in newsgraph queries"); }
      var args = [];
      for (var i = 0; i < arguments.length; i++) {
        var kind = sp.length === 0 ? 0 : sp[Math.min(i, sp.length - 1)];
        if (kind === 0) { bad(name, i, "takes no arguments"); }
        var a = arguments[i];
        if (kind === FN && typeof a === "function") {
          a = (function (cb) { return function () { return cb.apply(proxy, arguments); }; })(a);
        } else if (kind === VAL && Array.isArray(a)) {
          for (var j = 0; j < a.length; j++) { args.push(check(name, i, kind, a[j], 1)); }
          continue;
        } else {
          a = check(name, i, kind, a, 0);
        }
        args.push(a);
      }
      return wrap(f.apply(self, args));
    };
  }
  var names = ["iri", "bnode", "raw", "str", "lang", "typed", "lt", "lte", "gt", "gte", "regex", "like"];
  for (var n = 0; n < names.length; n++) {
    var fn = this[names[n]];
    if (typeof fn === "function") { this[names[n]] = guard(names[n], fn, this, this); }
  }
  return wrap(raw);
})(graph); var g = graph;
`), " ")
