/** WebGL renderer strings of CPU rasterisers: SwiftShader (Chromium), llvmpipe and softpipe (Mesa), Microsoft Basic Render Driver. */
const SOFTWARE_RENDERER = /SwiftShader|llvmpipe|softpipe|Basic Render/i;

/**
 * Classifies the page's WebGL renderer without sending its name: `software`, `angle`
 * (Chromium's `ANGLE (…)` form), `native` (another renderer string) or `none`. Creates one
 * small WebGL context and releases it at once. Never throws.
 */
export function classifyWebglRenderer(): 'software' | 'angle' | 'native' | 'none' {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return 'none';
    // UNMASKED_RENDERER_WEBGL (0x9246) of WEBGL_debug_renderer_info, or RENDERER (0x1f01) without it.
    const renderer = String(gl.getParameter(gl.getExtension('WEBGL_debug_renderer_info') ? 0x9246 : 0x1f01));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    if (SOFTWARE_RENDERER.test(renderer)) return 'software';
    return renderer.startsWith('ANGLE (') ? 'angle' : 'native';
  } catch {
    return 'none';
  }
}
