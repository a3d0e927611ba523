// Renders Kustomize overlays (kubectl kustomize) and checks what comes out
// without a cluster:
// - types: every object is written into a TypeScript file as a literal of
//   its kubernetes-types type and compiled with tsc --strict, which refuses
//   unknown fields (excess property checks) and wrong types;
// - policy: every workload has probes, requests and limits, runs as
//   non-root without privilege escalation on a read-only root filesystem
//   with every capability dropped, and its namespace denies by default
//   while a policy of its own lets it talk.
// `node check.mjs DIR...` prints the problems of each overlay and exits 1
// if there are any.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export function render(overlay) {
  return execFileSync("kubectl", ["kustomize", overlay], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export function objectsOf(yamlText) {
  return parseAllDocuments(yamlText)
    .map((document) => document.toJS())
    .filter((object) => object !== null && object !== undefined);
}

// apiVersion/kind -> the kubernetes-types module and type name.
const types = {
  "v1/Namespace": ["core/v1", "Namespace"],
  "v1/ConfigMap": ["core/v1", "ConfigMap"],
  "v1/Secret": ["core/v1", "Secret"],
  "v1/Service": ["core/v1", "Service"],
  "v1/ServiceAccount": ["core/v1", "ServiceAccount"],
  "v1/PersistentVolumeClaim": ["core/v1", "PersistentVolumeClaim"],
  "apps/v1/Deployment": ["apps/v1", "Deployment"],
  "apps/v1/StatefulSet": ["apps/v1", "StatefulSet"],
  "batch/v1/Job": ["batch/v1", "Job"],
  "batch/v1/CronJob": ["batch/v1", "CronJob"],
  "policy/v1/PodDisruptionBudget": ["policy/v1", "PodDisruptionBudget"],
  "autoscaling/v2/HorizontalPodAutoscaler": ["autoscaling/v2", "HorizontalPodAutoscaler"],
  "networking.k8s.io/v1/NetworkPolicy": ["networking/v1", "NetworkPolicy"],
  "networking.k8s.io/v1/Ingress": ["networking/v1", "Ingress"],
};

const nameOf = (object) => `${object.kind}/${object.metadata?.name ?? "(no name)"}`;

// The type errors tsc finds, one line each, naming the object.
export function typeProblems(objects) {
  const problems = [];
  const imports = new Map();
  const lines = [];
  objects.forEach((object, index) => {
    const type = types[`${object.apiVersion}/${object.kind}`];
    if (!type) {
      problems.push(`${nameOf(object)}: ${object.apiVersion} ${object.kind} is not a kind this check knows`);
      return;
    }
    const [module, name] = type;
    const alias = `${name}_${module.replace(/\W/g, "_")}`;
    imports.set(alias, `import type { ${name} as ${alias} } from "kubernetes-types/${module}";`);
    lines.push(`// ${nameOf(object)}`);
    lines.push(`export const object${index}: ${alias} = ${JSON.stringify(object, null, 2)};`);
  });
  // Inside this folder, so that "kubernetes-types/..." resolves to its node_modules.
  const directory = mkdtempSync(join(here, ".objects-"));
  try {
    const file = join(directory, "objects.ts");
    writeFileSync(file, [...imports.values(), ...lines].join("\n") + "\n");
    const compilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: "es2022",
      module: "esnext",
      moduleResolution: "bundler",
      types: [],
    };
    writeFileSync(join(directory, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["objects.ts"] }));
    const tsc = require.resolve("typescript/bin/tsc");
    const result = spawnSync(process.execPath, [tsc, "-p", directory], { encoding: "utf8" });
    if (result.status !== 0) {
      const source = [...imports.values(), ...lines].join("\n").split("\n");
      for (const line of (result.stdout + result.stderr).split("\n").filter((each) => each.includes("error TS"))) {
        // Name the object whose literal holds the line tsc points at.
        const at = /objects\.ts\((\d+),/.exec(line);
        let owner = "";
        if (at) {
          for (let i = Number(at[1]) - 1; i >= 0; i--) {
            if (source[i]?.startsWith("// ")) {
              owner = source[i].slice(3);
              break;
            }
          }
        }
        problems.push(`${owner || "objects"}: ${line.replace(/^.*error TS\d+: /, "")}`);
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return problems;
}

const workloadKinds = new Set(["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"]);

function podSpecOf(object) {
  if (object.kind === "CronJob") return object.spec?.jobTemplate?.spec?.template?.spec;
  return object.spec?.template?.spec;
}

function podLabelsOf(object) {
  if (object.kind === "CronJob") return object.spec?.jobTemplate?.spec?.template?.metadata?.labels ?? {};
  return object.spec?.template?.metadata?.labels ?? {};
}

function selects(selector, labels) {
  const wanted = selector?.matchLabels ?? {};
  return Object.entries(wanted).every(([key, value]) => labels[key] === value) && !selector?.matchExpressions?.length;
}

// What the project's rules say about the rendered objects, one line each.
export function policyProblems(objects) {
  const problems = [];
  const policies = objects.filter((object) => object.kind === "NetworkPolicy");
  const namespaces = new Set(
    objects.filter((object) => workloadKinds.has(object.kind)).map((object) => object.metadata?.namespace ?? "default"),
  );
  for (const namespace of namespaces) {
    const denies = policies.some(
      (policy) =>
        (policy.metadata?.namespace ?? "default") === namespace &&
        Object.keys(policy.spec?.podSelector ?? {}).length === 0 &&
        ["Ingress", "Egress"].every((type) => policy.spec?.policyTypes?.includes(type)) &&
        !policy.spec?.ingress &&
        !policy.spec?.egress,
    );
    if (!denies)
      problems.push(
        `namespace ${namespace}: no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)`,
      );
  }
  for (const object of objects.filter((each) => workloadKinds.has(each.kind))) {
    const name = nameOf(object);
    const pod = podSpecOf(object);
    if (!pod) {
      problems.push(`${name}: no pod template`);
      continue;
    }
    const labels = podLabelsOf(object);
    const own = policies.some(
      (policy) =>
        (policy.metadata?.namespace ?? "default") === (object.metadata?.namespace ?? "default") &&
        Object.keys(policy.spec?.podSelector?.matchLabels ?? {}).length > 0 &&
        selects(policy.spec.podSelector, labels),
    );
    if (!own) problems.push(`${name}: no NetworkPolicy of its own selects its pods`);
    const podSecurity = pod.securityContext ?? {};
    const longRunning = object.kind !== "Job" && object.kind !== "CronJob";
    for (const container of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      const where = `${name} container ${container.name}`;
      if (longRunning && !(pod.initContainers ?? []).includes(container)) {
        if (!container.readinessProbe) problems.push(`${where}: no readinessProbe`);
        if (!container.livenessProbe) problems.push(`${where}: no livenessProbe`);
      }
      for (const kind of ["requests", "limits"]) {
        for (const resource of ["cpu", "memory"]) {
          if (!container.resources?.[kind]?.[resource]) problems.push(`${where}: no ${resource} in resources.${kind}`);
        }
      }
      const security = container.securityContext ?? {};
      const runAsNonRoot = security.runAsNonRoot ?? podSecurity.runAsNonRoot;
      const user = security.runAsUser ?? podSecurity.runAsUser;
      if (runAsNonRoot !== true || user === 0) problems.push(`${where}: may run as root (runAsNonRoot is not true)`);
      if (security.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation is not false`);
      if (security.readOnlyRootFilesystem !== true) problems.push(`${where}: readOnlyRootFilesystem is not true`);
      if (security.privileged === true) problems.push(`${where}: privileged`);
      if (!(security.capabilities?.drop ?? []).includes("ALL")) problems.push(`${where}: capabilities do not drop ALL`);
    }
  }
  return problems;
}

export function checkOverlay(overlay) {
  const objects = objectsOf(render(overlay));
  return { objects, problems: [...typeProblems(objects), ...policyProblems(objects)] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const overlays = process.argv.slice(2);
  let failed = false;
  for (const overlay of overlays) {
    const { objects, problems } = checkOverlay(overlay);
    console.log(`${overlay}: ${objects.length} objects, ${problems.length} problems`);
    for (const problem of problems) console.log(`  ${problem}`);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
