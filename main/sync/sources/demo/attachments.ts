/**
 * Which files an application carries, what they are called and in which format, and their
 * content: résumés, cover letters, photos, portfolio shots, an agency's profile, the work
 * of an assessment, references and offer letters. About half of the applications carry
 * file content; the rest only links to the ATS, as many ATSs send them.
 */
import { HOUR, MINUTE, iso } from './calendar.js';
import { COMPANY } from './company.js';
import type { Block } from './documents/blocks.js';
import { docxDocument, docxParagraphs } from './documents/docx.js';
import { htmlDocument } from './documents/html.js';
import { pdfDocument, pdfLines } from './documents/pdf.js';
import { csvDocument, markdown, plainText } from './documents/text.js';
import { asciiFold, slug } from './format.js';
import { avatarBase64, portfolioBase64 } from './images.js';
import { coverLetterBlocks, offerLetterBlocks, offerTerms } from './letters.js';
import type { PersonName } from './names.js';
import { AGENCIES, agencyProfileBlocks, exerciseBlocks, isExerciseFamily, isScoredFamily, referenceRows, scoreSheetRows, takeHomeBlocks } from './notes.js';
import type { Random } from './random.js';
import { COUNTRIES } from './names.js';
import { career, resumeBlocks, skillsFor, type Profile } from './resume.js';
import type { OfferPlan } from './story.js';
import type { Job } from './world.js';

const FILES_URL = 'https://files.example-ats.test';
/** Attachments per application, at most. */
export const MAX_ATTACHMENTS = 5;

/** What the application says about the candidate: their documents add a career and skills. */
export type Candidate = Omit<Profile, 'career' | 'skills' | 'long'>;

/** Where the application stands, as far as its files are concerned. */
export interface Progress {
  appliedAt: number;
  origin: string;
  /** When each stage reached was entered, in pipeline order, up to the current one. */
  entered: readonly number[];
  /** The last moment anything happened to the application (its updatedAt): no file is newer. */
  until: number;
  rejected: boolean;
  /** Offers sent to the candidate, the latest last. */
  sentOffers: readonly OfferPlan[];
}

type Json = Record<string, unknown>;
type Kind = 'resume' | 'cover' | 'photo' | 'portfolio' | 'agency' | 'assessment' | 'references' | 'offer';

interface Planned {
  type: 'RESUME' | 'COVER_LETTER' | 'OFFER_LETTER' | 'NOT_SPECIFIED';
  name: string;
  createdAt: number;
  /** The base64 content, built only for files sent inline. */
  content: () => string;
}

const WRITERS = ['Microsoft Word', 'Microsoft Word', 'Google Docs', 'Pages', 'LibreOffice Writer', 'Canva'];

function fileStem(name: PersonName, r: Random): string {
  // Most people name files in Latin letters; some keep their diacritics (never another script).
  const keep = name.first === name.latinFirst && name.last === name.latinLast && r.chance(0.3);
  const firstName = keep ? name.first : asciiFold(name.latinFirst);
  const lastName = keep ? name.last : asciiFold(name.latinLast);
  return `${firstName}_${lastName}`.replace(/\s+/g, '_').replace(/'/g, '');
}

const base64 = (bytes: Buffer): string => bytes.toString('base64');

/** The assessment stage the application went through, and when its work was handed in or scored. */
function assessment(r: Random, job: Job, progress: Progress): { at: number; passed: boolean; stage: string } | null {
  const k = job.stages.findIndex((stage) => stage.spec.kind === 'assessment');
  const entered = progress.entered[k];
  if (k < 0 || entered === undefined) return null;
  const left = progress.entered[k + 1];
  const decided = left ?? (progress.rejected ? progress.until : null);
  const scored = isScoredFamily(job.family.code);
  // Work is handed in a few days into the stage; a score sheet exists once the stage is decided.
  const at = scored ? decided : entered + ((decided ?? progress.until) - entered) * r.between(0.5, 0.9);
  if (at === null || at - entered < 12 * HOUR) return null;
  return { at, passed: left !== undefined, stage: (job.stages[k] as { text: string }).text };
}

/** The attachments of one application, in the upstream shape. */
export function buildAttachments(r: Random, candidate: Candidate, job: Job, progress: Progress): Json[] {
  const { family } = job;
  // The career and skills only matter to files sent inline: drawn the first time one needs them.
  let profile: Profile | null = null;
  const profileOf = (): Profile => {
    if (profile === null) {
      const cities = candidate.locale.cities.map(([city, country]) => `${city}, ${COUNTRIES[country].name}`);
      const long = candidate.years >= 9 && r.chance(0.4);
      const skills = skillsFor(r, family, candidate.title);
      const positions = career(r, family, candidate.title, candidate.employer, candidate.years, [candidate.location, ...cities], skills, long);
      profile = { ...candidate, career: positions, skills, long };
    }
    return profile;
  };
  const wanted: Kind[] = [];
  if (r.chance(0.9)) wanted.push('resume');
  if (r.chance(0.3)) wanted.push('cover');
  if (r.chance(['de', 'fr', 'pl'].includes(candidate.locale.key) ? 0.3 : 0.08)) wanted.push('photo');
  if (family.links === 'design' && r.chance(0.7)) wanted.push('portfolio');
  if (progress.origin === 'AGENCY' && r.chance(0.6)) wanted.push('agency');
  const work = assessment(r, job, progress);
  if (work !== null && r.chance(0.8)) wanted.push('assessment');
  const offerStage = job.stages.findIndex((stage) => stage.spec.kind === 'offer');
  const offerEntered = progress.entered[offerStage];
  if (offerEntered !== undefined && r.chance(0.5)) wanted.push('references');
  const sent = progress.sentOffers[progress.sentOffers.length - 1];
  if (sent !== undefined) wanted.push('offer');
  for (const drop of ['photo', 'agency', 'cover'] as const) if (wanted.length > MAX_ATTACHMENTS && wanted.includes(drop)) wanted.splice(wanted.indexOf(drop), 1);

  const withContent = r.chance(0.5);
  if (withContent && wanted.length === 0) wanted.push('resume');
  const inline = wanted.map(() => withContent && r.chance(0.75));
  if (withContent && !inline.includes(true)) inline[0] = true;

  const stem = fileStem(candidate.name, r);
  const fullName = `${candidate.name.latinFirst} ${candidate.name.latinLast}`;
  const author = `${candidate.name.first} ${candidate.name.last}`;
  const writer = r.pick(WRITERS);
  // Files are uploaded just before the application is submitted.
  const submitted = progress.appliedAt - r.between(5, 120) * 1000;
  const pdf = (blocks: readonly Block[], title: string, createdAt: number, footer?: string): string =>
    base64(pdfDocument([pdfLines(blocks)], { title, author, creator: writer, createdAt, ...(footer === undefined ? {} : { footer }) }));
  const docx = (blocks: readonly Block[], title: string, createdAt: number): string => base64(docxDocument(docxParagraphs(blocks), { title, author, createdAt }));

  const plan = (kind: Kind, content: boolean): Planned => {
    switch (kind) {
      case 'resume': {
        const word = r.pick(['Resume', 'CV', 'CV', 'Resume']);
        const ext = content ? (r.chance(0.9) ? 'pdf' : 'docx') : r.pick(['pdf', 'pdf', 'pdf', 'docx']);
        const name = r.pick([`${stem}_${word}.${ext}`, `${word}_${stem}.${ext}`, `${stem.replace(/_/g, ' ')} - ${word}.${ext}`, `${stem.toLowerCase()}-${word.toLowerCase()}-2026.${ext}`]);
        const title = `${fullName} - ${word}`;
        return { type: 'RESUME', name, createdAt: submitted, content: () => (ext === 'pdf' ? pdf(resumeBlocks(r, profileOf()), title, submitted, fullName) : docx(resumeBlocks(r, profileOf()), title, submitted)) };
      }
      case 'cover': {
        const ext = content ? r.weighted([['txt', 35], ['docx', 25], ['html', 15], ['pdf', 25]] as const) : r.pick(['pdf', 'docx']);
        const name = r.pick([`Cover_Letter_${stem}.${ext}`, `Cover_Letter_${stem}.${ext}`, `${stem.replace(/_/g, ' ')} - Cover Letter.${ext}`]);
        const title = `Cover letter - ${job.title}`;
        return {
          type: 'COVER_LETTER',
          name,
          createdAt: submitted,
          content: () => {
            const blocks = coverLetterBlocks(r, profileOf(), job, submitted);
            if (ext === 'txt') return base64(plainText(blocks));
            if (ext === 'html') return base64(htmlDocument(`Cover letter: ${fullName}`, blocks, { lang: 'en' }));
            return ext === 'docx' ? docx(blocks, title, submitted) : pdf(blocks, title, submitted);
          },
        };
      }
      case 'photo':
        return { type: 'NOT_SPECIFIED', name: `${stem}_photo.${content ? 'png' : r.pick(['png', 'jpg'])}`, createdAt: submitted, content: () => avatarBase64(r) };
      case 'portfolio': {
        const format = r.chance(0.6) ? 'jpeg' : 'png';
        const ext = content ? (format === 'jpeg' ? 'jpg' : 'png') : r.pick(['jpg', 'png', 'pdf']);
        const name = r.pick([`${stem}_Portfolio.${ext}`, `portfolio-${slug(fullName)}-${r.int(1, 6)}.${ext}`, `Case_Study_${stem}.${ext}`]);
        return { type: 'NOT_SPECIFIED', name, createdAt: submitted, content: () => portfolioBase64(format, r) };
      }
      case 'agency': {
        const agency = r.pick(AGENCIES);
        const name = `${agency.replace(/[^A-Za-z]+/g, '_')}_Candidate_Profile_${stem}.${content ? 'txt' : 'pdf'}`;
        return { type: 'NOT_SPECIFIED', name, createdAt: submitted - r.between(1, 30) * MINUTE, content: () => base64(plainText(agencyProfileBlocks(r, profileOf(), job, agency))) };
      }
      case 'assessment': {
        const { at, passed, stage } = work as NonNullable<typeof work>;
        const code = family.code;
        if (isScoredFamily(code)) {
          const name = `${stage.replace(/\s+/g, '_')}_Scores_${stem}.csv`;
          return { type: 'NOT_SPECIFIED', name, createdAt: at, content: () => base64(csvDocument(scoreSheetRows(r, job, code, passed))) };
        }
        if (isExerciseFamily(code)) {
          const name = `${stage.replace(/\s+/g, '_')}_${stem}.md`;
          return { type: 'NOT_SPECIFIED', name, createdAt: at, content: () => base64(markdown(exerciseBlocks(r, profileOf(), job, code))) };
        }
        const name = r.pick(['README.md', `${stem}_take-home_README.md`, 'take-home-README.md']);
        return { type: 'NOT_SPECIFIED', name, createdAt: at, content: () => base64(markdown(takeHomeBlocks(r, profileOf()))) };
      }
      case 'references': {
        const createdAt = (offerEntered as number) + r.between(2, 20) * HOUR;
        return { type: 'NOT_SPECIFIED', name: `References_${stem}.csv`, createdAt: Math.min(createdAt, progress.until), content: () => base64(csvDocument(referenceRows(r, profileOf()))) };
      }
      case 'offer': {
        const offer = sent as OfferPlan;
        const createdAt = offer.sentAt - r.between(5, 60) * MINUTE;
        const html = r.chance(0.45);
        const terms = offerTerms(r, job, offer);
        const title = `Offer letter - ${job.title}`;
        return {
          type: 'OFFER_LETTER',
          name: `Offer_Letter_${stem}.${html ? 'html' : 'pdf'}`,
          createdAt,
          content: () => {
            const blocks = offerLetterBlocks(profileOf(), job, offer, terms);
            if (html) return base64(htmlDocument(`${title}: ${fullName}`, blocks));
            return base64(pdfDocument([pdfLines(blocks)], { title, author: `${COMPANY} People Team`, creator: `${COMPANY} ATS`, createdAt }));
          },
        };
      }
    }
  };

  return wanted.map((kind, i) => {
    const content = inline[i] === true;
    const planned = plan(kind, content);
    const attachment: Json = { type: planned.type, name: planned.name };
    if (content) attachment.attachmentContent = { content: planned.content(), encoding: 'BASE64' };
    else attachment.link = `${FILES_URL}/attachments/${r.id(20)}/${encodeURIComponent(planned.name)}`;
    attachment.createdAt = iso(planned.createdAt);
    return attachment;
  });
}
