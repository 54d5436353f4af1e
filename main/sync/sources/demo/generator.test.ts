import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../../shared/ats/events.js';
import { DOCX, sniffMediaType } from '../../../attachments/sniff.js';
import { MAX_ATTACHMENTS } from './attachments.js';
import { readPdf } from './documents/pdf-reader.testing.js';
import { asciiFold } from './format.js';
import { DEMO_DEFAULT_COUNT, demoEvents } from './index.js';

type Json = Record<string, any>;

function run(count: number, seed: string | number = 'test-seed'): Json[] {
  return [...demoEvents({ count, seed })] as Json[];
}

const isJob = (event: Json) => event.syncDataType === 'ats_jobs';
const isApplication = (event: Json) => event.syncDataType === 'ats_applications' && event.eventType === 'record.new';

const events = run(400);
const jobs = events.filter(isJob);
const applications = events.filter(isApplication);
const jobsById = new Map(jobs.map((job) => [job.recordId as string, job.eventData]));
const attachments = applications.flatMap((app) => app.eventData.attachments as Json[]);
const decoded = attachments
  .filter((attachment) => attachment.attachmentContent !== undefined)
  .map((attachment) => ({ name: attachment.name as string, bytes: Buffer.from(attachment.attachmentContent.content, 'base64') }));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

describe('demoEvents', () => {
  it('emits the jobs, then the applications, then one sync.events.processed', () => {
    expect(events.length).toBe(jobs.length + 400 + 1);
    expect(events.slice(0, jobs.length).every(isJob)).toBe(true);
    expect(events.slice(jobs.length, -1).every(isApplication)).toBe(true);
    const last = events[events.length - 1]!;
    expect(last.eventType).toBe('sync.events.processed');
    expect(last.syncDataType).toBe('ats_applications');
    expect(last.eventData).toMatchObject({ status: 'processed', processed: 400, emitted: 400, complete: true });
    expect(last.syncRunId).toBe(applications[0]!.syncRunId);
    expect(Number(last.eventData.processedAt)).toBeGreaterThanOrEqual(Number(last.eventData.startedAt));
  });

  it('is deterministic: the same options give byte-identical events with unique eventIds', () => {
    const again = run(400);
    expect(again).toEqual(events);
    expect(JSON.stringify(again)).toBe(JSON.stringify(events));
    const ids = events.map((event) => event.eventId as string);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(applications.map((app) => app.recordId)).size).toBe(applications.length);
    expect(new Set(applications.map((app) => app.eventData.info.candidate.id)).size).toBe(applications.length);
  });

  it('gives the first applications of a larger count for a smaller one', () => {
    const small = run(20).filter(isApplication);
    const large = run(50).filter(isApplication);
    expect(small).toHaveLength(20);
    expect(large.slice(0, 20)).toEqual(small);
    expect(run(20).filter(isJob)).toEqual(run(50).filter(isJob));
  });

  it('gives different data for a different seed, and treats a number seed like its text', () => {
    const other = run(20, 'another-seed');
    expect(other.filter(isJob).map((job) => job.recordId)).not.toEqual(jobs.map((job) => job.recordId));
    expect(other.filter(isApplication)[0]!.eventData).not.toEqual(applications[0]!.eventData);
    expect(other[0]!.eventId).not.toBe(events[0]!.eventId);
    expect(run(5, 42)).toEqual(run(5, '42'));
  });

  it('produces events the project parser accepts', () => {
    const kinds = new Map<string, number>();
    for (const event of events) {
      const parsed = parseEvent(event);
      if (!parsed.ok) throw new Error(`${String(event.eventId)}: ${parsed.reason}`);
      kinds.set(parsed.event.kind, (kinds.get(parsed.event.kind) ?? 0) + 1);
      if (parsed.event.kind === 'application.upsert') {
        expect(parsed.event.models.info?.status).toBe(event.eventData.info.status);
        expect(parsed.event.models.currentStage?.id).toBe(event.eventData.currentStage.id);
      }
      if (parsed.event.kind === 'sync.run') expect(parsed.event.processed).toBe(400);
    }
    expect(Object.fromEntries(kinds)).toEqual({ 'job.upsert': jobs.length, 'application.upsert': 400, 'sync.run': 1 });
  });

  it('emits only the jobs and the sync event for count 0', () => {
    const empty = run(0);
    expect(empty.filter(isApplication)).toHaveLength(0);
    expect(empty.slice(0, -1)).toEqual(jobs);
    expect(empty[empty.length - 1]!.eventData).toMatchObject({ processed: 0, emitted: 0, complete: true });
    expect(empty.every((event) => parseEvent(event).ok)).toBe(true);
  });

  it('refuses a negative or fractional count when called', () => {
    expect(() => demoEvents({ count: -1, seed: 'x' })).toThrow(RangeError);
    expect(() => demoEvents({ count: 2.5, seed: 'x' })).toThrow(RangeError);
    expect(() => demoEvents({ count: Number.NaN, seed: 'x' })).toThrow(RangeError);
    expect(DEMO_DEFAULT_COUNT).toBe(500);
  });

  it('has 40-80 jobs, each with an ordered pipeline of at least three stages', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 7]) {
      const count = run(0, seed).filter(isJob).length;
      expect(count).toBeGreaterThanOrEqual(40);
      expect(count).toBeLessThanOrEqual(80);
    }
    const statuses = new Set<string>();
    for (const job of jobsById.values()) {
      const stages = job.stages as { id: string; text: string }[];
      expect(stages.length).toBeGreaterThanOrEqual(3);
      expect(new Set(stages.map((stage) => stage.id)).size).toBe(stages.length);
      expect(stages[0]!.text).toBe('Application Review');
      expect(stages.map((stage) => stage.text).slice(-2)).toEqual(['Offer', 'Hired']);
      expect(job.info.title).toMatch(/^[A-Za-z][\w &-]+$/);
      expect(job.departments).toHaveLength(1);
      expect(job.offices).toHaveLength(1);
      expect(job.hiringManagers.length).toBeGreaterThanOrEqual(1);
      expect(job.recruiters.length).toBeGreaterThanOrEqual(1);
      expect(job.info.closedAt === null).toBe(job.info.status !== 'CLOSED');
      statuses.add(job.info.status);
    }
    expect(statuses.has('OPEN')).toBe(true);
    const users = jobs.flatMap((job) => [...job.eventData.hiringManagers, ...job.eventData.recruiters]);
    for (const user of users) expect(user.email).toMatch(/^[a-z0-9.]+@northwind-talent\.example$/);
  });

  it('keeps each application consistent with its job, status and dates', () => {
    const statuses = new Map<string, number>();
    for (const app of applications) {
      const { info, currentStage, interviews, rejection, offers } = app.eventData;
      const job = jobsById.get(info.jobId);
      expect(job, info.jobId).toBeDefined();
      expect(job!.info.status).not.toBe('DRAFT');
      const stageIds = (job!.stages as { id: string }[]).map((stage) => stage.id);
      const stageIndex = stageIds.indexOf(currentStage.id);
      expect(stageIndex).toBeGreaterThanOrEqual(0);
      expect(job!.stages[stageIndex]).toEqual(currentStage);
      expect(app.recordId).toBe(info.id);
      expect(Date.parse(info.updatedAt)).toBeGreaterThanOrEqual(Date.parse(info.appliedAt));
      statuses.set(info.status, (statuses.get(info.status) ?? 0) + 1);

      if (info.status === 'HIRED') {
        expect(stageIndex).toBe(stageIds.length - 1);
        expect(offers.some((offer: Json) => offer.status === 'SIGNED')).toBe(true);
      } else {
        expect(stageIndex).toBeLessThan(stageIds.length - 1);
        expect(offers.some((offer: Json) => offer.status === 'SIGNED')).toBe(false);
      }
      if (info.status === 'REJECTED') {
        expect(rejection).toEqual({ id: expect.any(String), text: expect.any(String), rejectedAt: expect.any(String) });
        expect(Date.parse(rejection.rejectedAt)).toBeGreaterThanOrEqual(Date.parse(info.appliedAt));
      } else expect(rejection).toEqual({});
      if (info.status !== 'ACTIVE') expect(offers.some((offer: Json) => offer.status === 'IN_PROGRESS')).toBe(false);

      expect(interviews.length).toBeLessThanOrEqual(4);
      for (const interview of interviews as Json[]) {
        const minutes = (Date.parse(interview.scheduledEnd) - Date.parse(interview.scheduledStart)) / 60_000;
        expect([45, 60]).toContain(minutes);
        expect(Date.parse(interview.scheduledStart)).toBeGreaterThan(Date.parse(interview.createdAt));
        const at = stageIds.indexOf(interview.stage.id);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThanOrEqual(stageIndex);
        expect(interview.interviewers.length).toBeGreaterThanOrEqual(1);
        expect(interview.interviewers.length).toBeLessThanOrEqual(3);
        expect(['SCHEDULED', 'AWAITING_FEEDBACK', 'COMPLETE', 'CANCELLED']).toContain(interview.status);
        if (info.status !== 'ACTIVE') expect(['COMPLETE', 'CANCELLED']).toContain(interview.status);
      }
      expect(offers.length).toBeLessThanOrEqual(2);
      const candidate = info.candidate;
      expect(candidate.emails.length).toBeGreaterThanOrEqual(1);
      expect(candidate.location).toMatch(/^[^,]+, [^,]+$/);
      for (const phone of candidate.phones as Json[]) expect(['PERSONAL', 'WORK', 'SKYPE']).toContain(phone.type);
    }
    // A live-looking pipeline: every outcome is present, and not everyone is rejected.
    expect(statuses.get('ACTIVE')! / applications.length).toBeGreaterThan(0.15);
    expect(statuses.get('HIRED')).toBeGreaterThan(0);
    expect(statuses.get('REJECTED')).toBeGreaterThan(0);
  });

  it('writes every date as ISO-8601 UTC to the second', () => {
    const dates: string[] = [];
    const collect = (value: unknown, key = ''): void => {
      if (Array.isArray(value)) value.forEach((item) => collect(item));
      else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) collect(v, k);
      else if (typeof value === 'string' && /At$|^scheduled(Start|End)$/.test(key)) dates.push(value);
    };
    for (const event of [...jobs, ...applications]) collect(event.eventData);
    expect(dates.length).toBeGreaterThan(1000);
    for (const date of dates) expect(new Date(date).toISOString().replace('.000Z', 'Z')).toBe(date);
  });

  it('uses international names, some with diacritics', () => {
    const names = applications.map((app) => `${app.eventData.info.candidate.firstName} ${app.eventData.info.candidate.lastName}`);
    expect(names.filter((name) => /[^\x00-\x7f]/.test(name)).length).toBeGreaterThan(20);
    expect(new Set(names).size).toBeGreaterThan(300);
  });

  it('attaches file content to about half of the applications, and only links to the rest', () => {
    const withContent = applications.filter((app) => (app.eventData.attachments as Json[]).some((a) => a.attachmentContent !== undefined));
    expect(withContent.length / applications.length).toBeGreaterThan(0.4);
    expect(withContent.length / applications.length).toBeLessThan(0.6);
    for (const attachment of attachments) {
      expect('link' in attachment).toBe(!('attachmentContent' in attachment));
      if ('link' in attachment) expect(attachment.link).toMatch(/^https:\/\/files\.example-ats\.test\//);
      else expect(attachment.attachmentContent.encoding).toBe('BASE64');
      expect(['RESUME', 'COVER_LETTER', 'OFFER_LETTER', 'NOT_SPECIFIED']).toContain(attachment.type);
    }
    for (const app of applications) expect(app.eventData.attachments.length).toBeLessThanOrEqual(MAX_ATTACHMENTS);
  });

  it('attaches PDFs that pdf.js reads, with the candidate\'s name in every résumé', async () => {
    const pdfs = decoded.filter(({ name }) => name.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(100);
    const resumes = applications.flatMap((app) =>
      (app.eventData.attachments as Json[])
        .filter((a) => a.type === 'RESUME' && a.attachmentContent !== undefined && String(a.name).endsWith('.pdf'))
        .map((a) => ({ candidate: app.eventData.info.candidate as Json, bytes: Buffer.from(a.attachmentContent.content, 'base64') })),
    );
    expect(resumes.length).toBeGreaterThan(50);
    // Reading every PDF back is slow; a spread of them shows the writer's output holds up.
    let latin = 0;
    for (const { candidate, bytes } of resumes.filter((_, i) => i % 10 === 0)) {
      const pdf = await readPdf(bytes);
      expect(pdf.pages.length).toBeGreaterThan(0);
      const lastName = String(candidate.lastName);
      // Names in other scripts are written in their Latin form; those in Latin letters appear as given, folded or not.
      if (!/^[\p{Script=Latin}\s'-]+$/u.test(lastName)) continue;
      latin++;
      expect(asciiFold(pdf.pages.join('\n'))).toContain(asciiFold(lastName));
    }
    expect(latin).toBeGreaterThan(2);
  });

  it('attaches valid PNGs with correct chunk CRCs', () => {
    const pngs = decoded.filter(({ name }) => name.endsWith('.png'));
    expect(pngs.length).toBeGreaterThan(0);
    for (const { bytes } of pngs) {
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      let offset = 8;
      const types: string[] = [];
      let idat = Buffer.alloc(0);
      while (offset < bytes.length) {
        const length = bytes.readUInt32BE(offset);
        const type = bytes.toString('latin1', offset + 4, offset + 8);
        expect(bytes.readUInt32BE(offset + 8 + length), type).toBe(crc32(bytes.subarray(offset + 4, offset + 8 + length)));
        if (type === 'IDAT') idat = Buffer.concat([idat, bytes.subarray(offset + 8, offset + 8 + length)]);
        types.push(type);
        offset += 12 + length;
      }
      expect(types[0]).toBe('IHDR');
      expect(types[types.length - 1]).toBe('IEND');
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      expect(inflateSync(idat).length).toBe(height * (width * 3 + 1));
    }
  });

  it('attaches letters and notes as UTF-8 text, and names every file after what it holds', () => {
    const letters = decoded.filter(({ name }) => name.startsWith('Cover_Letter_') && name.endsWith('.txt'));
    expect(letters.length).toBeGreaterThan(0);
    for (const { bytes } of letters) expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toMatch(/^Dear /m);
    // What the bytes are (sniffed as the app does) and the extensions a file holding it may have.
    const extensions: Record<string, string[]> = {
      'application/pdf': ['pdf'], 'image/png': ['png'], 'image/jpeg': ['jpg'], 'text/html': ['html'], 'text/csv': ['csv'],
      'text/markdown': ['md'], 'text/plain': ['txt', 'md'], [DOCX]: ['docx'],
    };
    const kinds = new Set<string>();
    for (const { name, bytes } of decoded) {
      const type = sniffMediaType(bytes).split(';', 1)[0]!;
      kinds.add(type);
      if (type.startsWith('text/')) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), name).not.toThrow();
      expect(extensions[type] ?? [], `${name} holds ${type}`).toContain(name.slice(name.lastIndexOf('.') + 1));
    }
    expect(kinds.size).toBeGreaterThanOrEqual(5);
  });
});
