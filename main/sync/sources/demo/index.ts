/**
 * The demo source: a deterministic, realistic ATS (jobs with pipelines, a hiring team,
 * international candidates, interviews, offers, rejections, and attachments of every type
 * the app previews), emitted as the raw upstream webhook events of an initial sync.
 */
export { DEMO_DEFAULT_COUNT, demoEvents, demoSourceItems, type DemoOptions } from './generator.js';
