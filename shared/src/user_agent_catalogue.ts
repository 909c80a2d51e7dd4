/**
 * What HTTP clients reveal about themselves in the `User-Agent` header: AI agents and
 * crawlers, HTTP client libraries, agent and crawling frameworks, and automated browsers.
 *
 * Generic crawler patterns are left to isbot; this list names the clients whose framework
 * or operator matters for a decision. The HTTP client examples were captured from the
 * clients themselves where they run in this repository's tests (curl 7.88, Wget 1.21,
 * Python 3.11 urllib, Node 20 fetch, axios 1.21, node-fetch 3, Playwright 1.65).
 * NOTE: the other examples follow the formats the vendors publish and were not captured
 * from live traffic; a vendor that changes its format needs its pattern updated here.
 */

/** Kind of client that a catalogue entry describes. */
export type UserAgentKind =
  /** An AI assistant fetching a page because a person asked it to. */
  | 'ai_assistant'
  /** An AI crawler that collects pages for training or search. */
  | 'ai_crawler'
  /** A general-purpose HTTP client library or command-line tool. */
  | 'http_client'
  /** An agent or crawling framework. */
  | 'agent_framework'
  /** A headless or automated browser. */
  | 'automated_browser';

/** One client the catalogue recognises. */
export interface UserAgentEntry {
  /** Value used as the session's `fw` (framework) when this entry matches. */
  framework: string;
  kind: UserAgentKind;
  /** Pattern matched against the whole `User-Agent` value. */
  pattern: RegExp;
  /** Company or project that runs or publishes the client. */
  operator: string;
  /** Purpose for which the client fetches pages. */
  purpose: string;
  /** A representative `User-Agent` value, which the catalogue's tests match against `pattern`. */
  example: string;
}

// AI agents and crawlers.
const AI_ENTRIES: readonly UserAgentEntry[] = [
  {
    framework: 'chatgpt-user',
    kind: 'ai_assistant',
    pattern: /\bChatGPT-User\//,
    operator: 'OpenAI',
    purpose: 'pages fetched for a ChatGPT user',
    example: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; ChatGPT-User/1.0; +https://openai.com/bot',
  },
  {
    framework: 'gptbot',
    kind: 'ai_crawler',
    pattern: /\bGPTBot\//,
    operator: 'OpenAI',
    purpose: 'training data for OpenAI models',
    example: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; GPTBot/1.1; +https://openai.com/gptbot',
  },
  {
    framework: 'oai-searchbot',
    kind: 'ai_crawler',
    pattern: /\bOAI-SearchBot\//,
    operator: 'OpenAI',
    purpose: 'search results in ChatGPT',
    example: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; OAI-SearchBot/1.0; +https://openai.com/searchbot',
  },
  {
    framework: 'claude-user',
    kind: 'ai_assistant',
    pattern: /\bClaude-User\b/,
    operator: 'Anthropic',
    purpose: 'pages fetched for a Claude user',
    example: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Claude-User/1.0; +Claude-User@anthropic.com)',
  },
  {
    framework: 'claudebot',
    kind: 'ai_crawler',
    pattern: /\bClaudeBot\b/,
    operator: 'Anthropic',
    purpose: 'training data for Claude models',
    example: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)',
  },
  {
    framework: 'claude-searchbot',
    kind: 'ai_crawler',
    pattern: /\bClaude-SearchBot\b/,
    operator: 'Anthropic',
    purpose: 'search results in Claude',
    example: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Claude-SearchBot/1.0; +Claude-SearchBot@anthropic.com)',
  },
  {
    framework: 'anthropic-ai',
    kind: 'ai_crawler',
    pattern: /\banthropic-ai\b/i,
    operator: 'Anthropic',
    purpose: 'training data (older token)',
    example: 'anthropic-ai',
  },
  {
    framework: 'perplexity-user',
    kind: 'ai_assistant',
    pattern: /\bPerplexity-User\//,
    operator: 'Perplexity',
    purpose: 'pages fetched for a Perplexity user',
    example: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Perplexity-User/1.0; +https://perplexity.ai/perplexity-user)',
  },
  {
    framework: 'perplexitybot',
    kind: 'ai_crawler',
    pattern: /\bPerplexityBot\//,
    operator: 'Perplexity',
    purpose: 'search index of Perplexity',
    example: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; PerplexityBot/1.0; +https://perplexity.ai/perplexitybot)',
  },
  {
    framework: 'meta-externalagent',
    kind: 'ai_crawler',
    pattern: /\bmeta-externalagent\//,
    operator: 'Meta',
    purpose: 'training data for Meta AI models',
    example: 'meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)',
  },
  {
    framework: 'meta-externalfetcher',
    kind: 'ai_assistant',
    pattern: /\bmeta-externalfetcher\//,
    operator: 'Meta',
    purpose: 'pages fetched for a Meta AI user',
    example: 'meta-externalfetcher/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)',
  },
  {
    framework: 'manus-user',
    kind: 'ai_assistant',
    pattern: /\bManus-User\//,
    operator: 'Manus',
    purpose: 'pages fetched by the Manus agent for its user',
    example: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36 Manus-User/1.0',
  },
  {
    framework: 'google-agent',
    kind: 'ai_assistant',
    pattern: /\bGoogle-Agent\b/,
    operator: 'Google',
    purpose: 'pages visited by a Google agent for its user',
    example: 'Mozilla/5.0 (compatible; Google-Agent/1.0; +https://developers.google.com/search/docs/crawling-indexing/google-agent)',
  },
  {
    framework: 'google-cloudvertexbot',
    kind: 'ai_crawler',
    pattern: /\bGoogle-CloudVertexBot\b/,
    operator: 'Google',
    purpose: 'pages for Vertex AI agents of a site owner',
    example: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Google-CloudVertexBot; +https://cloud.google.com/enterprise-search)',
  },
  {
    framework: 'mistralai-user',
    kind: 'ai_assistant',
    pattern: /\bMistralAI-User\//,
    operator: 'Mistral AI',
    purpose: 'pages fetched for a Le Chat user',
    example: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; MistralAI-User/1.0; +https://docs.mistral.ai/robots)',
  },
  {
    framework: 'duckassistbot',
    kind: 'ai_assistant',
    pattern: /\bDuckAssistBot\//,
    operator: 'DuckDuckGo',
    purpose: 'answers of DuckAssist',
    example: 'DuckAssistBot/1.2; (+http://duckduckgo.com/duckassistbot.html)',
  },
  {
    framework: 'bytespider',
    kind: 'ai_crawler',
    pattern: /\bBytespider\b/,
    operator: 'ByteDance',
    purpose: 'training data for ByteDance models',
    example: 'Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)',
  },
  {
    framework: 'ccbot',
    kind: 'ai_crawler',
    pattern: /\bCCBot\//,
    operator: 'Common Crawl',
    purpose: 'open web crawl used as training data',
    example: 'CCBot/2.0 (https://commoncrawl.org/faq/)',
  },
  {
    framework: 'amazonbot',
    kind: 'ai_crawler',
    pattern: /\bAmazonbot\//,
    operator: 'Amazon',
    purpose: 'answers of Alexa and Amazon AI services',
    example: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Amazonbot/0.1; +https://developer.amazon.com/support/amazonbot) Chrome/119.0.6045.214 Safari/537.36',
  },
];

// Agent and crawling frameworks.
const FRAMEWORK_ENTRIES: readonly UserAgentEntry[] = [
  {
    framework: 'playwright',
    kind: 'agent_framework',
    pattern: /\bPlaywright\/\d/,
    operator: 'Microsoft',
    purpose: 'requests from Playwright’s API request context (`request.newContext()`)',
    example: 'Playwright/1.65.2 (x64; debian 12) node/20.20',
  },
  {
    framework: 'autogpt',
    kind: 'agent_framework',
    pattern: /\bAuto-?GPT\b/i,
    operator: 'Significant Gravitas',
    purpose: 'autonomous agent tasks',
    example: 'AutoGPT/0.6 (+https://github.com/Significant-Gravitas/AutoGPT)',
  },
  {
    framework: 'browser-use',
    kind: 'agent_framework',
    pattern: /\bbrowser[-_]use\b/i,
    operator: 'browser-use',
    purpose: 'browser tasks driven by a language model',
    example: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 browser-use/0.1',
  },
  {
    framework: 'crawl4ai',
    kind: 'agent_framework',
    pattern: /\bCrawl4AI\b/i,
    operator: 'Crawl4AI',
    purpose: 'pages converted to text for language models',
    example: 'Mozilla/5.0 (compatible; Crawl4AI/0.4; +https://github.com/unclecode/crawl4ai)',
  },
  {
    framework: 'firecrawl',
    kind: 'agent_framework',
    pattern: /\bFirecrawl/i,
    operator: 'Firecrawl',
    purpose: 'pages converted to text for language models',
    example: 'Mozilla/5.0 (compatible; FirecrawlAgent/1.0; +https://firecrawl.dev)',
  },
  {
    framework: 'langchain',
    kind: 'agent_framework',
    // langchain-community (Python) sends `DefaultLangchainUserAgent` when USER_AGENT is unset.
    pattern: /\bDefaultLangchainUserAgent\b|\bLangChain\b/i,
    operator: 'LangChain',
    purpose: 'web document loaders of LangChain applications',
    example: 'DefaultLangchainUserAgent',
  },
  {
    framework: 'scrapy',
    kind: 'agent_framework',
    pattern: /\bScrapy\/\d/,
    operator: 'Zyte',
    purpose: 'crawling',
    example: 'Scrapy/2.11.2 (+https://scrapy.org)',
  },
];

// HTTP client libraries and tools, by their default `User-Agent`.
const CLIENT_ENTRIES: readonly UserAgentEntry[] = [
  { framework: 'curl', kind: 'http_client', pattern: /^curl\//, operator: 'curl project', purpose: 'command-line transfers', example: 'curl/7.88.1' },
  { framework: 'wget', kind: 'http_client', pattern: /^Wget\//, operator: 'GNU', purpose: 'command-line downloads', example: 'Wget/1.21.3' },
  {
    framework: 'python-requests',
    kind: 'http_client',
    pattern: /^python-requests\//,
    operator: 'Python Software Foundation',
    purpose: 'Python HTTP library',
    example: 'python-requests/2.32.3',
  },
  {
    framework: 'python-httpx',
    kind: 'http_client',
    pattern: /^python-httpx\//,
    operator: 'Encode',
    purpose: 'Python HTTP library',
    example: 'python-httpx/0.27.0',
  },
  {
    framework: 'aiohttp',
    kind: 'http_client',
    pattern: /\baiohttp\/\d/,
    operator: 'aio-libs',
    purpose: 'Python asynchronous HTTP library',
    example: 'Python/3.11 aiohttp/3.9.5',
  },
  {
    framework: 'python-urllib',
    kind: 'http_client',
    pattern: /^Python-urllib\//,
    operator: 'Python Software Foundation',
    purpose: 'Python standard library',
    example: 'Python-urllib/3.11',
  },
  { framework: 'axios', kind: 'http_client', pattern: /^axios\//, operator: 'axios project', purpose: 'JavaScript HTTP library', example: 'axios/1.7.9' },
  {
    framework: 'node-fetch',
    kind: 'http_client',
    pattern: /^node-fetch(\/|$)/,
    operator: 'node-fetch project',
    purpose: 'JavaScript HTTP library',
    example: 'node-fetch',
  },
  {
    // Node's built-in fetch (undici) sends the bare token `node`; undici's own request API sends `undici`.
    framework: 'node',
    kind: 'http_client',
    pattern: /^(node|undici)$/,
    operator: 'Node.js',
    purpose: 'Node’s built-in fetch',
    example: 'node',
  },
  {
    framework: 'go-http-client',
    kind: 'http_client',
    pattern: /^Go-http-client\//,
    operator: 'Go project',
    purpose: 'Go standard library',
    example: 'Go-http-client/1.1',
  },
  { framework: 'okhttp', kind: 'http_client', pattern: /^okhttp\//, operator: 'Square', purpose: 'Java and Android HTTP library', example: 'okhttp/4.12.0' },
  {
    framework: 'java-http-client',
    kind: 'http_client',
    pattern: /^Java-http-client\/|^Java\/\d/,
    operator: 'OpenJDK',
    purpose: 'Java standard library',
    example: 'Java-http-client/21.0.5',
  },
  {
    framework: 'apache-httpclient',
    kind: 'http_client',
    pattern: /^Apache-HttpClient\//,
    operator: 'Apache Software Foundation',
    purpose: 'Java HTTP library',
    example: 'Apache-HttpClient/4.5.14 (Java/17.0.9)',
  },
  { framework: 'got', kind: 'http_client', pattern: /^got\b/, operator: 'got project', purpose: 'JavaScript HTTP library', example: 'got (https://github.com/sindresorhus/got)' },
];

// Automated browsers: headless builds name themselves in the user agent or a client-hint brand.
const BROWSER_ENTRIES: readonly UserAgentEntry[] = [
  {
    framework: 'headless-chrome',
    kind: 'automated_browser',
    pattern: /\bHeadlessChrome\//,
    operator: 'Chromium project',
    purpose: 'headless Chromium, usually under Puppeteer, Playwright or Selenium',
    example: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
  },
  {
    framework: 'phantomjs',
    kind: 'automated_browser',
    pattern: /\bPhantomJS\//,
    operator: 'PhantomJS project',
    purpose: 'scripted headless WebKit',
    example: 'Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1',
  },
  {
    framework: 'electron',
    kind: 'automated_browser',
    pattern: /\bElectron\//,
    operator: 'OpenJS Foundation',
    purpose: 'embedded Chromium of desktop apps and some automation tools',
    example: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) my-app/1.0.0 Chrome/130.0.6723.191 Electron/33.3.1 Safari/537.36',
  },
];

/** Every catalogue entry. AI entries come first because some AI agents append their token to a browser user agent. */
export const USER_AGENT_CATALOGUE: readonly UserAgentEntry[] = [...AI_ENTRIES, ...FRAMEWORK_ENTRIES, ...CLIENT_ENTRIES, ...BROWSER_ENTRIES];

/** Client-hint brand that headless Chromium reports (`"HeadlessChrome";v="131"`). */
export const HEADLESS_BRAND = /HeadlessChrome/;

/** Returns the first catalogue entry whose pattern matches the user agent, or null. */
export function matchUserAgent(userAgent: string | null | undefined): UserAgentEntry | null {
  if (userAgent === null || userAgent === undefined || userAgent === '') return null;
  for (const entry of USER_AGENT_CATALOGUE) {
    if (entry.pattern.test(userAgent)) return entry;
  }
  return null;
}
