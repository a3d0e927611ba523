// The observability configuration, checked for real:
// - promtool validates the Prometheus configuration and runs the alert
//   rules' unit tests (prometheus/alerts.test.yml);
// - every metric and label the alert rules and the Grafana dashboard ask
//   for is one the services export, read from a running shop's /metrics
//   (the release `shop`, as the browser tests start it), in an exposition
//   that promtool accepts.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { startShop } from "../../web/e2e/shop.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const promtool = (...args) =>
  execFileSync("promtool", args, {
    cwd: join(here, "prometheus"),
    encoding: "utf8",
  });

// Labels Prometheus adds when it scrapes (prometheus.yml), not the services.
const scrapeLabels = new Set(["service", "pod", "instance", "job", "le"]);
// Series of Prometheus itself.
const prometheusOwn = new Set(["up"]);

// Words of PromQL itself, never metric names.
const promql = new Set(
  (
    "sum min max avg count stddev stdvar topk bottomk quantile count_values group rate irate increase delta " +
    "idelta deriv predict_linear histogram_quantile abs ceil floor round clamp clamp_min clamp_max exp ln log2 " +
    "log10 sqrt vector scalar time timestamp absent absent_over_time sort sort_desc label_replace label_join " +
    "sum_over_time avg_over_time max_over_time min_over_time count_over_time by without on ignoring group_left " +
    "group_right and or unless bool offset inf nan label_values"
  ).split(" "),
);

// [metric, labels it filters or groups on] for each selector in a PromQL expression.
export function selectorsOf(expression) {
  const grouping = [
    ...expression.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g),
  ].flatMap((match) =>
    match[1]
      .split(",")
      .map((label) => label.trim())
      .filter(Boolean),
  );
  const bare = expression
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(
      /\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g,
      " ",
    )
    .replace(/\[[^\]]*\]/g, " ");
  const found = [];
  for (const match of bare.matchAll(
    /(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{[^}]*\})?/g,
  )) {
    const [, name, braces] = match;
    if (promql.has(name)) continue;
    const labels = braces
      ? [...braces.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g)].map(
          (each) => each[1],
        )
      : [];
    found.push([name, [...labels, ...grouping]]);
  }
  return found;
}

function ruleExpressions() {
  const rules = parse(
    readFileSync(join(here, "prometheus", "alerts.yml"), "utf8"),
  );
  return rules.groups.flatMap((group) =>
    group.rules.map((rule) => [rule.alert, rule.expr]),
  );
}

function dashboardExpressions() {
  const dashboard = JSON.parse(
    readFileSync(join(here, "grafana", "shop-golden-signals.json"), "utf8"),
  );
  return dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => [panel.title, target.expr]),
  );
}

// metric name -> the label names its series carry, from the exposition
// text. A family that has no series yet is known by its # TYPE line (its
// labels by none); a histogram by its _bucket, _sum and _count series too.
function exported(text) {
  const metrics = new Map();
  const family = (name) => {
    if (!metrics.has(name)) metrics.set(name, new Set());
    return metrics.get(name);
  };
  for (const line of text.split("\n")) {
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\w+)/.exec(line);
    if (type) {
      family(type[1]);
      if (type[2] === "histogram")
        for (const part of ["_bucket", "_sum", "_count"])
          family(type[1] + part);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})?\s/.exec(line);
    if (!sample) continue;
    for (const pair of (sample[3] ?? "").matchAll(
      /([a-zA-Z_][a-zA-Z0-9_]*)="/g,
    ))
      family(sample[1]).add(pair[1]);
  }
  return metrics;
}

describe("the Prometheus configuration", () => {
  it("is valid, and its alert rules pass their unit tests", () => {
    assert.match(
      promtool("check", "config", "prometheus.yml"),
      /SUCCESS: prometheus.yml is valid/,
    );
    assert.match(promtool("test", "rules", "alerts.test.yml"), /SUCCESS/);
  });
});

describe("what the rules and the dashboard ask for", () => {
  let shop;
  before(async () => {
    shop = await startShop();
  });
  after(async () => {
    await shop?.stop();
  });

  it("is exported by the services, with the labels used", async () => {
    const metrics = exported(await (await fetch(`${shop.url}/metrics`)).text());
    const uses = [...ruleExpressions(), ...dashboardExpressions()];
    assert.ok(uses.length >= 20, `${uses.length} expressions`);
    const problems = [];
    for (const [where, expression] of uses) {
      const selectors = selectorsOf(expression);
      if (selectors.length === 0)
        problems.push(`${where}: no metric found in ${expression}`);
      for (const [name, labels] of selectors) {
        if (prometheusOwn.has(name)) continue;
        const known = metrics.get(name);
        if (!known) {
          problems.push(`${where}: ${name} is not exported`);
          continue;
        }
        // Labels can be checked only on families that have series already.
        if (known.size === 0) continue;
        for (const label of labels) {
          if (!scrapeLabels.has(label) && !known.has(label))
            problems.push(`${where}: ${name} has no label ${label}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  // Prometheus refuses a whole scrape over one malformed line, e.g. a name
  // given twice (the embedded shop's services share one registry).
  it("is an exposition Prometheus accepts, each name once", async () => {
    const text = await (await fetch(`${shop.url}/metrics`)).text();
    execFileSync("promtool", ["check", "metrics"], {
      input: text,
      encoding: "utf8",
    });
    const types = text.split("\n").filter((line) => line.startsWith("# TYPE "));
    assert.equal(new Set(types).size, types.length);
    assert.throws(() =>
      execFileSync("promtool", ["check", "metrics"], {
        input: text + types[0] + "\n",
        stdio: "pipe",
      }),
    );
  });

  it("would notice a metric that does not exist", () => {
    assert.deepEqual(
      selectorsOf(
        'sum by (service) (rate(http_requests_totl{status=~"5.."}[5m]))',
      ),
      [["http_requests_totl", ["status", "service"]]],
    );
    assert.deepEqual(
      selectorsOf(
        "histogram_quantile(0.99, sum by (le) (rate(gateway_request_duration_seconds_bucket[5m]))) > 0.5",
      ),
      [["gateway_request_duration_seconds_bucket", ["le"]]],
    );
  });
});
