/**
 * The environment for building native modules for Electron: npm's, without the settings
 * that would make node-gyp build for Node after all (an npmrc `nodedir=/usr`, for one,
 * wins over --target and --dist-url and yields a module Electron refuses to load).
 */
export function electronBuildEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const result = { ...env };
  for (const name of Object.keys(result)) {
    if (/^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|devdir|build_from_source)$/i.test(name)) delete result[name];
  }
  return result;
}
