// Builds the script-tag bundle (IIFE) and the ESM build into dist/.
// Target es2022: with a lower target, esbuild emits helpers for web-vitals outside the IIFE wrapper.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const plugins = [
  nodeResolve({ browser: true, extensions: ['.ts', '.mjs', '.js'] }),
  esbuild({ target: 'es2022', include: /\.[jt]s$/ }),
];

// Only `_`-prefixed properties are internal; everything else is public API or wire format.
// unsafe_arrows is safe because no function expression of the SDK or web-vitals is called with
// `new`. booleans_as_integers must stay off: the wire format needs booleans.
const minify = (module) =>
  terser({
    ecma: 2022,
    module,
    compress: { passes: 3, hoist_funs: true, unsafe_arrows: true },
    mangle: { properties: { regex: /^_/ } },
    format: { comments: false },
  });

export default [
  {
    input: 'src/iife.ts',
    output: { file: 'dist/telltale.js', format: 'iife', plugins: [minify(false)] },
    plugins,
  },
  {
    input: 'src/index.ts',
    output: { file: 'dist/telltale.esm.js', format: 'es', plugins: [minify(true)] },
    plugins,
  },
];
