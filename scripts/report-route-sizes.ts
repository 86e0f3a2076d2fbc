/**
 * `npm run build` ends here: the JavaScript a browser downloads to open each page, per route, as
 * files, bytes and gzip bytes (what `next start` sends). Next.js 16 no longer prints it. A page's
 * scripts are the framework's (build-manifest.json `rootMainFiles`) plus every client chunk its
 * segments name in their client reference manifest (layouts, error and not-found boundaries, the
 * page); the polyfills only reach browsers without ES modules, so they are left out.
 *
 * `--json` prints the figures as JSON instead (tests/e2e/page-weight.spec.ts compares them with
 * what Chromium downloads).
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import nextConfig from "../next.config.js";

interface RouteSize {
  route: string;
  files: number;
  bytes: number;
  gzipBytes: number;
}

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

/** "/(site)/articles/[slug]/page" → "/articles/[slug]": route groups and the `page` segment are not in the URL. */
function toRoute(manifestKey: string): string {
  const segments = manifestKey.split("/").filter((segment) => segment && segment !== "page" && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function findClientReferenceManifests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findClientReferenceManifests(full);
    return entry.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

/** The manifests are scripts that assign to globalThis.__RSC_MANIFEST; run them in an empty context. */
function readClientReferenceManifest(file: string): Record<string, ClientReferenceManifest> {
  const context: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  context.globalThis = context;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), context);
  return context.__RSC_MANIFEST ?? {};
}

function measureRouteSizes(distDir: string): RouteSize[] {
  const buildManifest = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const sizeCache = new Map<string, { bytes: number; gzipBytes: number }>();
  const sizeOf = (file: string) => {
    let size = sizeCache.get(file);
    if (!size) {
      const content = fs.readFileSync(path.join(distDir, file));
      size = { bytes: content.length, gzipBytes: zlib.gzipSync(content).length };
      sizeCache.set(file, size);
    }
    return size;
  };
  const sizes: RouteSize[] = [];
  for (const manifestFile of findClientReferenceManifests(path.join(distDir, "server", "app"))) {
    for (const [key, manifest] of Object.entries(readClientReferenceManifest(manifestFile))) {
      if (key.startsWith("/_")) continue;
      const files = new Set([...buildManifest.rootMainFiles, ...Object.values(manifest.entryJSFiles ?? {}).flat()]);
      const totals = { bytes: 0, gzipBytes: 0 };
      for (const file of files) {
        const size = sizeOf(file);
        totals.bytes += size.bytes;
        totals.gzipBytes += size.gzipBytes;
      }
      sizes.push({ route: toRoute(key), files: files.size, ...totals });
    }
  }
  return sizes.sort((a, b) => a.route.localeCompare(b.route));
}

function formatKilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function formatRouteSizes(sizes: RouteSize[]): string {
  const width = Math.max("Route".length, ...sizes.map(({ route }) => route.length)) + 2;
  const header = `${"Route".padEnd(width)}${"JS files".padStart(9)}${"Size".padStart(12)}${"Gzip".padStart(12)}`;
  const rows = sizes.map(
    ({ route, files, bytes, gzipBytes }) =>
      `${route.padEnd(width)}${String(files).padStart(9)}${formatKilobytes(bytes).padStart(12)}${formatKilobytes(gzipBytes).padStart(12)}`,
  );
  return [`JavaScript per page (what a browser downloads to open it):`, header, ...rows].join("\n");
}

const distDir = nextConfig.distDir ?? ".next";
if (!fs.existsSync(path.join(distDir, "build-manifest.json"))) {
  console.error(`No build in ${distDir}; run next build first.`);
  process.exit(1);
}
const sizes = measureRouteSizes(distDir);
console.log(process.argv.includes("--json") ? JSON.stringify(sizes) : `\n${formatRouteSizes(sizes)}\n`);
