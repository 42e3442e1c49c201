// Run the runtime and scan tests under Pyodide (CPython compiled to WebAssembly) in Node.
// usage (from the folder where npm installed pyodide):
//   node run.mjs CHECKOUT SITE_PACKAGES REGISTRIES [pytest args...]
// The checkout, the host-installed pure-Python wheels and the registries compiled on
// the host (pyodide_plugin.py) are mounted with NODEFS;
// runner.py starts pytest and the exit status is pytest's.
import { loadPyodide } from "pyodide";
import path from "node:path";

const [checkout, site, registries, ...args] = process.argv.slice(2);
const pyodide = await loadPyodide();
const out = (stream) => ({ write: (bytes) => (stream.write(bytes), bytes.length) });
pyodide.setStdout(out(process.stdout));
pyodide.setStderr(out(process.stderr));
for (const [host, mount] of [[checkout, "/repo"], [site, "/site"], [registries, "/registries"]]) {
  pyodide.FS.mkdirTree(mount);
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.resolve(host) }, mount);
}
pyodide.globals.set("ARGS", pyodide.toPy(args));
const status = pyodide.runPython(
  "import os, sys; sys.path[:0] = ['/site', '/repo/.ci/pyodide']\n" +
  "os.environ['SSOT_PYODIDE_REGISTRIES'] = '/registries'\n" +
  "import runner; runner.main(list(ARGS))",
);
process.exit(status);
