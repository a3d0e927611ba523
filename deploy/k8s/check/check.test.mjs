import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { checkOverlay } from "./check.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const overlays = join(here, "..", "overlays");

describe("the Kubernetes overlays", () => {
  for (const overlay of ["dev", "prod"]) {
    it(`${overlay} renders and passes the type and policy checks`, () => {
      const { objects, problems } = checkOverlay(join(overlays, overlay));
      assert.deepEqual(problems, []);
      const kinds = new Set(objects.map((object) => object.kind));
      for (const kind of [
        "Deployment",
        "Service",
        "PodDisruptionBudget",
        "HorizontalPodAutoscaler",
        "NetworkPolicy",
        "Ingress",
        "ConfigMap",
      ]) {
        assert.ok(kinds.has(kind), `${overlay} has a ${kind}`);
      }
      const deployments = objects
        .filter((object) => object.kind === "Deployment")
        .map((object) => object.metadata.name);
      assert.deepEqual(deployments.sort(), [
        "auth",
        "cart",
        "catalog",
        "customers",
        "gateway",
        "images",
        "orders",
        "payments",
        "recommendations",
        "search",
      ]);
      // Every service but the gateway has a headless Service: the gateway's DNS discovery needs one record per pod.
      for (const service of objects.filter(
        (object) => object.kind === "Service" && object.metadata.name !== "gateway",
      )) {
        assert.equal(service.spec.clusterIP, "None", service.metadata.name);
      }
    });
  }

  it("dev runs the infrastructure in the cluster on persistent volumes, prod does not", () => {
    const dev = checkOverlay(join(overlays, "dev")).objects;
    const prod = checkOverlay(join(overlays, "prod")).objects;
    const statefulSets = (objects) =>
      objects
        .filter((object) => object.kind === "StatefulSet")
        .map((object) => object.metadata.name)
        .sort();
    assert.deepEqual(statefulSets(dev), ["nats", "postgres", "redis", "s3"]);
    assert.ok(
      dev.filter((object) => object.kind === "StatefulSet").every((set) => set.spec.volumeClaimTemplates?.length === 1),
    );
    assert.deepEqual(statefulSets(prod), []);
    assert.ok(!prod.some((object) => object.kind === "Secret"), "prod's secrets are made outside the repository");
    const config = prod.find((object) => object.kind === "ConfigMap" && object.metadata.name === "shop-config");
    assert.equal(config.data.NATS_URL, "tls://nats.example.internal:4222");
  });
});

describe("the checks", () => {
  it("find every problem planted in a broken overlay", () => {
    const { problems } = checkOverlay(join(here, "fixtures", "broken"));
    const expected = [
      /Deployment\/careless: .*'"replica"' does not exist/,
      /Service\/careless: .*Type 'string' is not assignable to type 'number'/,
      /namespace broken: no default-deny NetworkPolicy/,
      /Deployment\/careless: no NetworkPolicy of its own selects its pods/,
      /container careless: no readinessProbe/,
      /container careless: no livenessProbe/,
      /container careless: no memory in resources.requests/,
      /container careless: no cpu in resources.limits/,
      /container careless: may run as root/,
      /container careless: allowPrivilegeEscalation is not false/,
      /container careless: readOnlyRootFilesystem is not true/,
      /container careless: capabilities do not drop ALL/,
    ];
    for (const pattern of expected) {
      assert.ok(
        problems.some((problem) => pattern.test(problem)),
        `${pattern} among:\n${problems.join("\n")}`,
      );
    }
  });
});
