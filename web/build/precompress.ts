// Writes a gzip copy beside every text asset of the build: the gateway
// serves `x.js.gz` to browsers that accept gzip without compressing per
// request (services/gateway/src/web/static_site.h).
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync, constants } from "node:zlib";
import type { Plugin } from "vite";

const compressible = /\.(js|css|html|svg|json|webmanifest|txt)$/;
const smallest = 256; // bytes: below this, gzip's header costs more than it saves

async function* files(directory: string): AsyncGenerator<string> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

export function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "shop-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      for await (const path of files(outDir)) {
        if (!compressible.test(path) || (await stat(path)).size < smallest) continue;
        const gzipped = gzipSync(await readFile(path), { level: constants.Z_BEST_COMPRESSION });
        await writeFile(`${path}.gz`, gzipped);
      }
    },
  };
}
