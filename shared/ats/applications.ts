/**
 * The six models of the upstream `ats_applications` data type, read tolerantly.
 * Each reader returns our normalised shape; the raw JSON is kept by the caller.
 */
import {
  APPLICATION_ORIGINS,
  APPLICATION_STATUSES,
  ATTACHMENT_ENCODINGS,
  ATTACHMENT_TYPES,
  EMAIL_TYPES,
  INTERVIEW_STATUSES,
  OFFER_STATUSES,
  PHONE_TYPES,
  normaliseEnum,
} from './enums.js';
import { ParseError, describe, isObject, isoDate, list, optionalObject, text, type JsonObject } from './values.js';

export const APPLICATION_MODEL_KEYS = [
  'info',
  'currentStage',
  'interviews',
  'rejection',
  'offers',
  'attachments',
] as const;
export type ApplicationModelKey = (typeof APPLICATION_MODEL_KEYS)[number];

/** Upstream model IDs (for `sync.start`) by event-data key. */
export const APPLICATION_MODEL_IDS: Readonly<Record<ApplicationModelKey, string>> = {
  info: 'application_info',
  currentStage: 'application_stage',
  interviews: 'application_interviews',
  rejection: 'application_rejection',
  offers: 'application_offers',
  attachments: 'application_attachments',
};

export interface User {
  id: string | null;
  email: string | null;
  employeeId: string | null;
}
export interface Phone {
  type: string | null;
  phoneNumber: string;
}
export interface Email {
  type: string | null;
  email: string;
}
export interface Candidate {
  id: string | null;
  firstName: string | null;
  lastName: string | null;
  location: string | null;
  phones: Phone[];
  emails: Email[];
  links: string[];
}
export interface ApplicationInfo {
  id: string | null;
  status: string | null;
  candidate: Candidate | null;
  origin: string | null;
  appliedAt: string | null;
  updatedAt: string | null;
  jobId: string | null;
  owner: User | null;
  creditedTo: User | null;
}
export interface Stage {
  id: string | null;
  text: string | null;
}
export interface Interview {
  id: string | null;
  subject: string | null;
  createdAt: string | null;
  scheduledStart: string | null;
  scheduledEnd: string | null;
  stage: Stage | null;
  interviewers: User[];
  location: string | null;
  creator: User | null;
  status: string | null;
}
export interface Rejection {
  id: string | null;
  text: string | null;
  rejectedAt: string | null;
}
export interface Offer {
  id: string | null;
  status: string | null;
  createdAt: string | null;
  sentAt: string | null;
  closedAt: string | null;
}
export interface AttachmentContent {
  /** The content exactly as sent (normally base64). */
  content: string;
  encoding: string | null;
}
export interface Attachment {
  type: string | null;
  name: string | null;
  link: string | null;
  createdAt: string | null;
  content: AttachmentContent | null;
}

/**
 * The models one event carries. A key that is absent means "not subscribed" and must
 * leave what is stored alone; `currentStage`/`rejection` null means explicitly empty.
 */
export interface ApplicationModels {
  info?: ApplicationInfo;
  currentStage?: Stage | null;
  interviews?: Interview[];
  rejection?: Rejection | null;
  offers?: Offer[];
  attachments?: Attachment[];
}

export function readUser(value: unknown, path: string): User | null {
  if (typeof value === 'string') return value.trim() === '' ? null : { id: value, email: null, employeeId: null };
  const obj = optionalObject(value, path);
  if (obj === null) return null;
  const user = {
    id: text(obj.id, `${path}.id`),
    email: text(obj.email, `${path}.email`),
    employeeId: text(obj.employeeId, `${path}.employeeId`),
  };
  return user.id === null && user.email === null && user.employeeId === null ? null : user;
}

function readUsers(value: unknown, path: string): User[] {
  const users: User[] = [];
  list(value).forEach((item, i) => {
    const user = readUser(item, `${path}[${i}]`);
    if (user !== null) users.push(user);
  });
  return users;
}

function readPhones(value: unknown, path: string): Phone[] {
  const phones: Phone[] = [];
  list(value).forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (typeof item === 'string' || typeof item === 'number') {
      const phoneNumber = text(item, at);
      if (phoneNumber !== null) phones.push({ type: null, phoneNumber });
      return;
    }
    const obj = optionalObject(item, at);
    if (obj === null) return;
    const phoneNumber = text(obj.phoneNumber ?? obj.number, `${at}.phoneNumber`);
    if (phoneNumber !== null) phones.push({ type: normaliseEnum(obj.type, PHONE_TYPES), phoneNumber });
  });
  return phones;
}

function readEmails(value: unknown, path: string): Email[] {
  const emails: Email[] = [];
  list(value).forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (typeof item === 'string') {
      if (item.trim() !== '') emails.push({ type: null, email: item.trim() });
      return;
    }
    const obj = optionalObject(item, at);
    if (obj === null) return;
    const email = text(obj.email, `${at}.email`);
    if (email !== null) emails.push({ type: normaliseEnum(obj.type, EMAIL_TYPES), email: email.trim() });
  });
  return emails;
}

function readLinks(value: unknown, path: string): string[] {
  const links: string[] = [];
  list(value).forEach((item, i) => {
    // Some ATSs send {url} or {value} objects instead of plain strings.
    const raw = isObject(item) ? (item.url ?? item.value ?? item.link) : item;
    const link = text(raw, `${path}[${i}]`);
    if (link !== null) links.push(link.trim());
  });
  return links;
}

function readCandidate(value: unknown, path: string): Candidate | null {
  const obj = optionalObject(value, path);
  if (obj === null) return null;
  return {
    id: text(obj.id, `${path}.id`),
    firstName: text(obj.firstName, `${path}.firstName`),
    lastName: text(obj.lastName, `${path}.lastName`),
    location: text(obj.location, `${path}.location`),
    phones: readPhones(obj.phones, `${path}.phones`),
    emails: readEmails(obj.emails, `${path}.emails`),
    links: readLinks(obj.links, `${path}.links`),
  };
}

export function readInfo(value: unknown, path: string): ApplicationInfo {
  if (!isObject(value)) throw new ParseError(path, `expected an object, got ${describe(value)}`);
  return {
    id: text(value.id, `${path}.id`),
    status: normaliseEnum(value.status, APPLICATION_STATUSES),
    candidate: readCandidate(value.candidate, `${path}.candidate`),
    origin: normaliseEnum(value.origin, APPLICATION_ORIGINS),
    appliedAt: isoDate(value.appliedAt),
    updatedAt: isoDate(value.updatedAt),
    jobId: text(value.jobId, `${path}.jobId`),
    owner: readUser(value.owner, `${path}.owner`),
    creditedTo: readUser(value.creditedTo, `${path}.creditedTo`),
  };
}

export function readStage(value: unknown, path: string): Stage | null {
  if (typeof value === 'string') return value.trim() === '' ? null : { id: null, text: value };
  const obj = optionalObject(value, path);
  if (obj === null) return null;
  const stage = { id: text(obj.id, `${path}.id`), text: text(obj.text ?? obj.name, `${path}.text`) };
  return stage.id === null && stage.text === null ? null : stage;
}

function readInterview(value: unknown, path: string): Interview {
  if (!isObject(value)) throw new ParseError(path, `expected an interview object, got ${describe(value)}`);
  return {
    id: text(value.id, `${path}.id`),
    subject: text(value.subject, `${path}.subject`),
    createdAt: isoDate(value.createdAt),
    scheduledStart: isoDate(value.scheduledStart),
    scheduledEnd: isoDate(value.scheduledEnd),
    stage: readStage(value.stage, `${path}.stage`),
    interviewers: readUsers(value.interviewers, `${path}.interviewers`),
    location: text(value.location, `${path}.location`),
    creator: readUser(value.creator, `${path}.creator`),
    status: normaliseEnum(value.status, INTERVIEW_STATUSES),
  };
}

export function readRejection(value: unknown, path: string): Rejection | null {
  const obj = optionalObject(value, path);
  if (obj === null) return null;
  const rejection = {
    id: text(obj.id, `${path}.id`),
    text: text(obj.text ?? obj.reason, `${path}.text`),
    rejectedAt: isoDate(obj.rejectedAt),
  };
  // `{}` means "not rejected".
  return rejection.id === null && rejection.text === null && rejection.rejectedAt === null ? null : rejection;
}

function readOffer(value: unknown, path: string): Offer {
  if (!isObject(value)) throw new ParseError(path, `expected an offer object, got ${describe(value)}`);
  return {
    id: text(value.id, `${path}.id`),
    status: normaliseEnum(value.status, OFFER_STATUSES),
    createdAt: isoDate(value.createdAt),
    sentAt: isoDate(value.sentAt),
    closedAt: isoDate(value.closedAt),
  };
}

function readAttachment(value: unknown, path: string): Attachment {
  if (!isObject(value)) throw new ParseError(path, `expected an attachment object, got ${describe(value)}`);
  let content: AttachmentContent | null = null;
  const rawContent = value.attachmentContent;
  if (typeof rawContent === 'string') {
    content = rawContent === '' ? null : { content: rawContent, encoding: null };
  } else {
    const obj = optionalObject(rawContent, `${path}.attachmentContent`);
    if (obj !== null && obj.content !== null && obj.content !== undefined) {
      if (typeof obj.content !== 'string') {
        throw new ParseError(`${path}.attachmentContent.content`, `expected text, got ${describe(obj.content)}`);
      }
      if (obj.content !== '') content = { content: obj.content, encoding: normaliseEnum(obj.encoding, ATTACHMENT_ENCODINGS) };
    }
  }
  return {
    type: normaliseEnum(value.type, ATTACHMENT_TYPES),
    name: text(value.name, `${path}.name`),
    link: text(value.link, `${path}.link`),
    createdAt: isoDate(value.createdAt),
    content,
  };
}

function readList<T>(value: unknown, path: string, readItem: (item: unknown, at: string) => T): T[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    // A lone object is read as a list of one; anything else is broken.
    if (isObject(value)) return [readItem(value, `${path}[0]`)];
    throw new ParseError(path, `expected a list, got ${describe(value)}`);
  }
  return value.map((item, i) => readItem(item, `${path}[${i}]`));
}

/** Reads every model key present in `eventData`; absent keys stay absent. */
export function readApplicationModels(eventData: JsonObject, path = 'eventData'): ApplicationModels {
  const models: ApplicationModels = {};
  if ('info' in eventData) models.info = readInfo(eventData.info, `${path}.info`);
  if ('currentStage' in eventData) models.currentStage = readStage(eventData.currentStage, `${path}.currentStage`);
  if ('interviews' in eventData) models.interviews = readList(eventData.interviews, `${path}.interviews`, readInterview);
  if ('rejection' in eventData) models.rejection = readRejection(eventData.rejection, `${path}.rejection`);
  if ('offers' in eventData) models.offers = readList(eventData.offers, `${path}.offers`, readOffer);
  if ('attachments' in eventData) models.attachments = readList(eventData.attachments, `${path}.attachments`, readAttachment);
  return models;
}

/** "First Last", or whichever part is known. */
export function candidateName(candidate: Pick<Candidate, 'firstName' | 'lastName'> | null): string | null {
  if (candidate === null) return null;
  const name = [candidate.firstName, candidate.lastName].filter((part) => part !== null && part !== '').join(' ');
  return name === '' ? null : name;
}
