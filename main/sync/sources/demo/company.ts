/**
 * The demo company: its offices, its job families (roles, pipelines, pay, and what the
 * résumés of such people say), the employers candidates come from, and why applications end.
 */
import type { CountryCode } from './names.js';

export const COMPANY = 'Northwind';
export const DOMAIN = 'northwind-talent.example';

export interface Office {
  id: string;
  name: string;
  location: string;
  country: CountryCode;
  /** Hours from UTC, to put interviews in office hours. */
  utc: number;
  rooms: readonly string[];
  /** The legal entity that signs offer letters there, and its letterhead address. */
  entity: string;
  address: string;
  /** Where the work happens, to finish "join the team ...". */
  where: string;
  currency: string;
  /** Salary multiplier relative to a Berlin salary in EUR. */
  pay: number;
}

export const OFFICES: readonly Omit<Office, 'id'>[] = [
  { name: 'Berlin HQ', location: 'Berlin, Germany', where: 'in Berlin', country: 'DE', utc: 1, rooms: ['Spree', 'Tiergarten', 'Kreuzberg', 'Museumsinsel'], entity: 'Northwind Talent GmbH', address: 'Torstraße 140, 10119 Berlin, Germany', currency: 'EUR', pay: 1 },
  { name: 'London', location: 'London, United Kingdom', where: 'in London', country: 'GB', utc: 0, rooms: ['Thames', 'Soho', 'Camden'], entity: 'Northwind Talent UK Ltd', address: '41 Clerkenwell Road, London EC1M 5RS, United Kingdom', currency: 'GBP', pay: 0.95 },
  { name: 'New York', location: 'New York, NY, United States', where: 'in New York', country: 'US', utc: -5, rooms: ['Hudson', 'Brooklyn', 'Flatiron'], entity: 'Northwind Talent, Inc.', address: '230 Park Avenue South, New York, NY 10003, United States', currency: 'USD', pay: 1.5 },
  { name: 'Warsaw', location: 'Warsaw, Poland', where: 'in Warsaw', country: 'PL', utc: 1, rooms: ['Wisła', 'Praga', 'Mokotów'], entity: 'Northwind Talent Polska sp. z o.o.', address: 'ul. Prosta 51, 00-838 Warszawa, Poland', currency: 'PLN', pay: 3.4 },
  { name: 'Bengaluru', location: 'Bengaluru, Karnataka, India', where: 'in Bengaluru', country: 'IN', utc: 5.5, rooms: ['Cubbon', 'Lalbagh', 'Indiranagar'], entity: 'Northwind Talent India Pvt. Ltd.', address: '4th Floor, 100 Feet Road, Indiranagar, Bengaluru 560038, India', currency: 'INR', pay: 40 },
  { name: 'São Paulo', location: 'São Paulo, Brazil', where: 'in São Paulo', country: 'BR', utc: -3, rooms: ['Ibirapuera', 'Paulista'], entity: 'Northwind Talent Brasil Ltda.', address: 'Avenida Paulista 1842, 01310-200 São Paulo, Brazil', currency: 'BRL', pay: 3.2 },
  { name: 'Remote (Europe)', location: 'Remote, Europe', where: 'remotely from anywhere in Europe', country: 'DE', utc: 1, rooms: [], entity: 'Northwind Talent GmbH', address: 'Torstraße 140, 10119 Berlin, Germany', currency: 'EUR', pay: 0.95 },
  { name: 'Remote (US)', location: 'Remote, United States', where: 'remotely from the United States', country: 'US', utc: -6, rooms: [], entity: 'Northwind Talent, Inc.', address: '230 Park Avenue South, New York, NY 10003, United States', currency: 'USD', pay: 1.4 },
];
export const OFFICE_WEIGHTS = [30, 16, 14, 12, 10, 6, 8, 4];

export type StageKind = 'review' | 'screen' | 'interview' | 'assessment' | 'onsite' | 'offer' | 'hired';
/** Who sits on an interview: the recruiter, the hiring manager, or people of the team. */
export type Panel = 'recruiter' | 'manager' | 'team' | 'final';

export interface StageSpec {
  text: string;
  kind: StageKind;
  /** One session for screen/interview; the candidate sessions of an onsite. */
  sessions?: readonly (readonly [subject: string, panel: Panel])[];
}

export const REVIEW: StageSpec = { text: 'Application Review', kind: 'review' };
export const OFFER: StageSpec = { text: 'Offer', kind: 'offer' };
export const HIRED: StageSpec = { text: 'Hired', kind: 'hired' };
const recruiterScreen = (text: string): StageSpec => ({ text, kind: 'screen', sessions: [[text, 'recruiter']] });
const interview = (text: string, subject: string, panel: Panel): StageSpec => ({ text, kind: 'interview', sessions: [[subject, panel]] });

export interface Family {
  department: string;
  code: string;
  weight: number;
  roles: readonly string[];
  levels: readonly (readonly [string, number])[];
  stages: readonly StageSpec[];
  /** Base salary in thousands of EUR (Berlin, mid level). */
  salary: number;
  about: string;
  summaries: readonly string[];
  /** What a position was about, for a résumé: `{n}` is the size of the team. */
  scopes: readonly string[];
  /** Projects a senior résumé names, with a line about each. */
  projects: readonly (readonly [name: string, about: string])[];
  /** Achievements for the experience section of a résumé. */
  bullets: readonly string[];
  /** Skills by how often such résumés list them: a weight under 0.5 is a rare skill, on a handful of résumés. */
  skills: readonly (readonly [string, number])[];
  /** Skills every résumé of a role lists, whatever the draw. */
  roleSkills: Readonly<Record<string, readonly string[]>>;
  certifications: readonly string[];
  degrees: readonly string[];
  links: 'code' | 'design' | 'data' | 'none';
}

/** "Senior " + "Product Manager"; a role that already leads ("Support Team Lead") takes "Senior" rather than "Lead". */
export function titled(level: string, role: string): string {
  return level === 'Lead ' && /\bLead\b/.test(role) ? `Senior ${role}` : `${level}${role}`;
}

const LEVELS_IC = [['', 5], ['Senior ', 4], ['Staff ', 1], ['Junior ', 1]] as const;
const LEVELS_BIZ = [['', 6], ['Senior ', 3], ['Lead ', 1]] as const;

export const FAMILIES: readonly Family[] = [
  {
    department: 'Engineering',
    code: 'ENG',
    weight: 30,
    roles: ['Backend Engineer', 'Frontend Engineer', 'Full-Stack Engineer', 'Platform Engineer', 'Site Reliability Engineer', 'iOS Engineer', 'Android Engineer', 'Security Engineer', 'QA Automation Engineer', 'Machine Learning Engineer', 'Engineering Manager'],
    levels: [...LEVELS_IC, ['Principal ', 0.5]],
    stages: [
      REVIEW,
      recruiterScreen('Recruiter Phone Screen'),
      interview('Technical Screen', 'Technical Screen: Live Coding', 'team'),
      { text: 'Take-Home Assignment', kind: 'assessment' },
      { text: 'Onsite', kind: 'onsite', sessions: [['Onsite: System Design', 'team'], ['Onsite: Coding Deep Dive', 'team'], ['Onsite: Hiring Manager Conversation', 'manager']] },
      OFFER,
      HIRED,
    ],
    salary: 78,
    about: 'You will design, build and run the services behind our recruiting platform, own features end to end and help us keep the system simple, observable and fast.',
    summaries: [
      'Software engineer who enjoys turning vague product ideas into reliable, well-tested services.',
      'Engineer with a focus on distributed systems, clean APIs and pragmatic observability.',
      'Developer who likes small teams, short feedback loops and code that is easy to delete.',
    ],
    projects: [['Open-source job queue', 'Maintainer of a Postgres-backed job queue with 2,000 stars on GitHub; wrote the retry and scheduling parts.'], ['Offline-first field app', 'Designed the sync protocol of an app used by 3,000 field technicians without reliable network.'], ['Payments migration', 'Moved 14 million subscriptions to a new payment provider without a single failed renewal.'], ['Observability overhaul', 'Introduced tracing across 60 services and cut the time to find the cause of an incident by two thirds.']],
    scopes: ['Owned the backend of the customer-facing product in a team of {n} engineers.', 'Worked on the platform team of {n}, running the shared infrastructure behind 40 services.', 'Built product features end to end in a cross-functional team of {n}.', 'One of {n} engineers on the mobile apps, from architecture to the app stores.'],
    bullets: [
      'Cut p95 API latency by 40% by redesigning the caching layer.',
      'Led the migration of a monolith billing module to event-driven services.',
      'Introduced contract tests that halved production incidents in a year.',
      'Mentored four junior engineers; ran the team\'s weekly design review.',
      'Built the CI pipeline that takes a change to production in 12 minutes.',
      'Shipped offline sync for the mobile app used by 200k monthly users.',
      'Designed the public REST and webhook API now used by 300 integration partners.',
      'Reduced cloud spend by 28% by right-sizing services and adding autoscaling.',
      'Rewrote the search indexer, cutting reindex time from six hours to 40 minutes.',
      'Owned the on-call rotation and wrote the runbooks that halved time to recovery.',
      'Added end-to-end encryption for file uploads with zero downtime for customers.',
      'Built a feature-flag service that let teams release daily instead of weekly.',
    ],
    skills: [['TypeScript', 8], ['Python', 7], ['Go', 5], ['Java', 5], ['Kotlin', 3], ['PostgreSQL', 6], ['Docker', 6], ['AWS', 5], ['React', 5], ['CI/CD', 4], ['GraphQL', 3], ['Redis', 3], ['Linux', 3], ['GCP', 2], ['gRPC', 2], ['Terraform', 2], ['Kafka', 2], ['Kubernetes', 1.2], ['Rust', 1.2], ['WebAssembly', 0.2], ['Elixir', 0.15], ['Erlang', 0.12], ['Haskell', 0.12], ['OCaml', 0.1]],
    roleSkills: { 'Platform Engineer': ['Kubernetes', 'Terraform'], 'Site Reliability Engineer': ['Kubernetes', 'Prometheus'], 'iOS Engineer': ['Swift', 'SwiftUI'], 'Android Engineer': ['Kotlin', 'Jetpack Compose'], 'Machine Learning Engineer': ['PyTorch', 'MLOps'], 'Security Engineer': ['Threat Modeling', 'OWASP'], 'QA Automation Engineer': ['Playwright', 'Test Automation'], 'Frontend Engineer': ['React', 'CSS'], 'Engineering Manager': ['People Management', 'Hiring'] },
    certifications: ['AWS Certified Solutions Architect – Associate', 'CKA: Certified Kubernetes Administrator', 'Google Professional Cloud Developer', 'Offensive Security Certified Professional (OSCP)', 'HashiCorp Certified: Terraform Associate'],
    degrees: ['B.Sc. Computer Science', 'M.Sc. Computer Science', 'B.Eng. Software Engineering', 'M.Sc. Electrical Engineering'],
    links: 'code',
  },
  {
    department: 'Data',
    code: 'DAT',
    weight: 8,
    roles: ['Data Analyst', 'Data Scientist', 'Analytics Engineer', 'Data Engineer', 'BI Analyst'],
    levels: LEVELS_IC,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      { text: 'SQL Assessment', kind: 'assessment' },
      interview('Case Study Interview', 'Case Study Interview', 'team'),
      { text: 'Final Round', kind: 'onsite', sessions: [['Final Round: Case Presentation', 'team'], ['Final Round: Stakeholder Interview', 'team'], ['Final Round: Hiring Manager Interview', 'manager']] },
      OFFER,
      HIRED,
    ],
    salary: 70,
    about: 'You will turn our product and hiring data into decisions: build trusted models and dashboards, and partner with product and go-to-market teams.',
    summaries: [
      'Analyst who pairs solid SQL with a habit of asking what decision a number will change.',
      'Data professional experienced in experimentation, forecasting and self-serve analytics.',
      'Analytics engineer who builds data models people trust and dashboards people actually open.',
    ],
    projects: [['Pricing elasticity model', 'Estimated price elasticity per segment; the model set list prices in three markets.'], ['Self-serve metrics layer', 'Built a semantic layer so that 200 people answer their own questions without writing SQL.'], ['Forecasting service', 'Put demand forecasts behind an API used by operations and finance every morning.']],
    scopes: ['Analytics for the growth and marketing teams, in a data team of {n}.', 'Built and ran the data warehouse with {n} colleagues, from ingestion to dashboards.', 'Embedded data scientist in a product squad; one of {n} in the data guild.'],
    bullets: [
      'Built the dbt project behind 60+ company KPIs with tests on every model.',
      'Designed the A/B testing framework used for all pricing experiments.',
      'Reduced monthly reporting from three days to one automated job.',
      'Forecast seasonal demand within 5% for the operations team.',
      'Migrated legacy ETL scripts to Airflow with full lineage.',
      'Built a churn model that flagged 70% of at-risk accounts a quarter ahead.',
      'Cut warehouse costs by 35% by partitioning and pruning the largest tables.',
      'Trained 80 colleagues in self-serve SQL and the company\'s metrics layer.',
      'Set up data quality alerts that caught broken pipelines before the morning reports.',
      'Defined the single source of truth for revenue, ending three competing dashboards.',
      'Delivered the marketing attribution model that reallocated 20% of paid spend.',
    ],
    skills: [['SQL', 9], ['Python', 8], ['pandas', 5], ['Statistics', 5], ['dbt', 4], ['Airflow', 3], ['Looker', 3], ['Tableau', 3], ['BigQuery', 3], ['Snowflake', 3], ['R', 3], ['A/B Testing', 3], ['Spark', 2], ['Power BI', 2], ['DuckDB', 0.3], ['Julia', 0.15], ['Stan', 0.12]],
    roleSkills: { 'Data Scientist': ['Machine Learning', 'scikit-learn'], 'Analytics Engineer': ['dbt', 'Data Modeling'], 'Data Engineer': ['Spark', 'Airflow'], 'BI Analyst': ['Power BI', 'Dashboards'], 'Data Analyst': ['SQL', 'Excel'] },
    certifications: ['Google Data Analytics Professional Certificate', 'dbt Analytics Engineering Certification', 'Tableau Desktop Specialist', 'SnowPro Core Certification'],
    degrees: ['B.Sc. Statistics', 'M.Sc. Data Science', 'B.Sc. Economics', 'M.Sc. Applied Mathematics'],
    links: 'data',
  },
  {
    department: 'Design',
    code: 'DES',
    weight: 6,
    roles: ['Product Designer', 'UX Researcher', 'Brand Designer', 'Content Designer', 'Design Manager'],
    levels: LEVELS_IC,
    stages: [
      REVIEW,
      recruiterScreen('Recruiter Screen'),
      interview('Portfolio Review', 'Portfolio Presentation', 'team'),
      { text: 'Design Exercise', kind: 'assessment' },
      { text: 'Onsite', kind: 'onsite', sessions: [['Onsite: Design Critique', 'team'], ['Onsite: Cross-functional Interview', 'team'], ['Onsite: Values Interview', 'manager']] },
      OFFER,
      HIRED,
    ],
    salary: 68,
    about: 'You will shape how recruiters and hiring managers work every day, from research and flows to polished interfaces, in close partnership with engineering.',
    summaries: [
      'Product designer who starts from research and ends with shipped, measurable improvements.',
      'Designer with a systems mindset: components, accessibility and clear writing.',
      'Researcher and designer who turns messy workflows into calm, usable tools.',
    ],
    projects: [['Design system 2.0', 'Rebuilt the component library with tokens, dark mode and accessibility baked in.'], ['Checkout redesign', 'Research-led redesign of the checkout that lifted conversion by 11%.'], ['Research operations', 'Set up recruiting, consent and a repository for user research across the company.']],
    scopes: ['Led design for two product areas in a design team of {n}.', 'Worked across research, interaction and visual design in a team of {n}.', 'Owned the design system used by every product team, with {n} designers.'],
    bullets: [
      'Redesigned onboarding, raising week-one activation from 38% to 55%.',
      'Built and documented a design system used by six product teams.',
      'Ran 40+ user interviews to reshape the reporting roadmap.',
      'Led an accessibility audit and fixed 120 WCAG issues with engineering.',
      'Created the brand refresh rolled out across web, product and events.',
      'Designed the mobile app\'s new navigation, cutting support tickets about it by half.',
      'Set up a research repository that product teams now query before every project.',
      'Shipped dark mode and high-contrast themes built on design tokens.',
      'Ran design critiques and mentored three junior designers to promotion.',
      'Prototyped and tested a new pricing page that lifted trial sign-ups by 17%.',
      'Wrote the voice and tone guidelines used across product and marketing.',
    ],
    skills: [['Figma', 9], ['Prototyping', 6], ['Interaction Design', 5], ['User Research', 5], ['Design Systems', 5], ['Accessibility', 4], ['Usability Testing', 4], ['Adobe Creative Suite', 3], ['Illustration', 2], ['Sketch', 2], ['HTML/CSS', 1.5], ['Motion Design', 1], ['Framer', 0.8], ['Procreate', 0.2], ['Blender', 0.15]],
    roleSkills: { 'UX Researcher': ['User Research', 'Usability Testing'], 'Brand Designer': ['Brand Identity', 'Typography'], 'Content Designer': ['UX Writing', 'Content Strategy'], 'Design Manager': ['Design Leadership'], 'Product Designer': ['Figma'] },
    certifications: ['Nielsen Norman Group UX Certification', 'IAAP Certified Professional in Accessibility Core Competencies', 'Google UX Design Certificate'],
    degrees: ['B.A. Interaction Design', 'B.A. Graphic Design', 'M.A. Human-Computer Interaction', 'B.Sc. Cognitive Science'],
    links: 'design',
  },
  {
    department: 'Product',
    code: 'PRD',
    weight: 6,
    roles: ['Product Manager', 'Technical Product Manager', 'Product Operations Manager', 'Group Product Manager'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Recruiter Screen'),
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      interview('Product Case Interview', 'Product Case Interview', 'team'),
      { text: 'Onsite', kind: 'onsite', sessions: [['Onsite: Product Execution', 'team'], ['Onsite: Product Strategy', 'team'], ['Onsite: Leadership & Collaboration', 'final']] },
      OFFER,
      HIRED,
    ],
    salary: 85,
    about: 'You will own a part of our product from discovery to delivery, working with design and engineering to solve real problems for recruiting teams.',
    summaries: [
      'Product manager who ships in small increments and measures what matters.',
      'PM with a technical background and a record of B2B SaaS launches.',
      'Product leader who builds clarity: crisp problems, honest roadmaps, happy teams.',
    ],
    projects: [['Marketplace launch', 'Took a partner marketplace from idea to 120 listed apps in nine months.'], ['Usage-based pricing', 'Led the move from seats to usage-based pricing with finance and sales.'], ['Mobile relaunch', 'Relaunched the mobile app with a new information architecture and doubled weekly actives.']],
    scopes: ['Owned the roadmap of one product area with a team of {n} engineers and designers.', 'Product lead for the integrations platform, working with {n} engineers.', 'Ran discovery and delivery for the reporting suite with a squad of {n}.'],
    bullets: [
      'Launched a self-serve plan that brought in 1,200 paying teams in six months.',
      'Defined the roadmap for an integrations platform with 30+ partners.',
      'Cut churn by 18% through a redesigned renewal and onboarding journey.',
      'Set up quarterly discovery with customer advisory boards.',
      'Drove the pricing and packaging revamp across three product lines.',
      'Turned a customer advisory board into a monthly discovery habit for four teams.',
      'Led the launch of a mobile app that reached a 4.7 star rating in its first year.',
      'Introduced outcome-based roadmaps and quarterly OKRs for the product group.',
      'Sunset three legacy features, freeing a quarter of engineering capacity.',
      'Grew API usage 5x by packaging it as a product with its own pricing.',
    ],
    skills: [['Product Discovery', 6], ['Roadmapping', 6], ['Stakeholder Management', 5], ['Experimentation', 4], ['B2B SaaS', 4], ['Jira', 4], ['SQL', 3], ['OKRs', 3], ['User Interviews', 3], ['Amplitude', 2], ['Mixpanel', 2], ['Pricing', 1.5], ['Figma', 1.5], ['API Products', 1], ['Kubernetes', 0.1]],
    roleSkills: { 'Technical Product Manager': ['API Products'], 'Product Operations Manager': ['Product Operations'], 'Group Product Manager': ['Team Leadership'] },
    certifications: ['Certified Scrum Product Owner (CSPO)', 'Pragmatic Institute Product Management Certification', 'Reforge Product Strategy'],
    degrees: ['B.Sc. Computer Science', 'MBA', 'B.A. Economics', 'M.Sc. Management'],
    links: 'none',
  },
  {
    department: 'Sales',
    code: 'SAL',
    weight: 14,
    roles: ['Account Executive', 'Sales Development Representative', 'Enterprise Account Executive', 'Solutions Engineer', 'Sales Manager', 'Partnerships Manager'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      interview('Mock Pitch', 'Mock Pitch: Discovery Call', 'team'),
      interview('Final Interview', 'Final Interview with VP Sales', 'final'),
      OFFER,
      HIRED,
    ],
    salary: 60,
    about: 'You will bring Northwind to talent teams across the region: run full sales cycles, build lasting relationships and beat a quota you helped set.',
    summaries: [
      'Quota-carrying seller with a consultative style and a full, healthy pipeline.',
      'Sales professional experienced in mid-market and enterprise SaaS deals.',
      'Relationship builder who loves discovery calls and hates discounting.',
    ],
    projects: [['New market entry', 'Opened a new country: hired the first team, found the first partners, signed 40 customers.'], ['Enterprise playbook', 'Wrote the enterprise sales playbook, from discovery to procurement and security reviews.'], ['Partner channel', 'Built a reseller programme with eight partners across the region.']],
    scopes: ['Carried a quota for mid-market accounts in a sales team of {n}.', 'Sold to enterprise customers across the region, one of {n} account executives.', 'Built pipeline for a team of {n} account executives.'],
    bullets: [
      'Closed 128% of annual quota; top performer in the region two years running.',
      'Opened the Nordics market and signed the first 25 logos.',
      'Built an outbound playbook adopted by the whole SDR team.',
      'Negotiated the company\'s largest multi-year enterprise contract.',
      'Shortened the average sales cycle from 74 to 51 days.',
      'Booked 140 qualified meetings in a year, the most on a team of twelve.',
      'Built the reseller channel that now brings in a fifth of new revenue.',
      'Ran the proof-of-concept process that lifted enterprise win rates to 38%.',
      'Coached five SDRs into closing roles within eighteen months.',
      'Expanded a flagship account from 40 to 1,200 seats in two years.',
    ],
    skills: [['Salesforce', 7], ['Negotiation', 5], ['Prospecting', 5], ['Forecasting', 4], ['Enterprise Sales', 4], ['HubSpot', 3], ['MEDDICC', 3], ['Solution Selling', 3], ['Gong', 2], ['Challenger Sale', 2], ['Outreach', 2], ['LinkedIn Sales Navigator', 2], ['SPIN Selling', 0.3]],
    roleSkills: { 'Solutions Engineer': ['Technical Demos', 'APIs'], 'Partnerships Manager': ['Partner Management'], 'Sales Manager': ['Sales Coaching'], 'Sales Development Representative': ['Cold Calling', 'Outbound'] },
    certifications: ['MEDDICC Certified', 'Salesforce Certified Administrator', 'Sandler Sales Training'],
    degrees: ['B.A. Business Administration', 'B.A. Communication', 'B.Sc. Marketing', 'M.A. International Business'],
    links: 'none',
  },
  {
    department: 'Marketing',
    code: 'MKT',
    weight: 8,
    roles: ['Product Marketing Manager', 'Content Marketing Manager', 'Growth Marketing Manager', 'Marketing Operations Specialist', 'Brand Manager', 'Field Marketing Manager'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      { text: 'Written Exercise', kind: 'assessment' },
      { text: 'Panel Interview', kind: 'onsite', sessions: [['Panel Interview: Exercise Presentation', 'team'], ['Panel Interview: Cross-functional Partners', 'team']] },
      OFFER,
      HIRED,
    ],
    salary: 62,
    about: 'You will tell the Northwind story: position our products, run campaigns that create pipeline and learn quickly from what the numbers say.',
    summaries: [
      'Marketer who connects positioning, content and pipeline.',
      'Growth marketer with a test-and-learn habit and strong analytics.',
      'Storyteller who turns product depth into messages buyers remember.',
    ],
    projects: [['Brand refresh', 'Led a brand refresh across the website, product and events, on time and on budget.'], ['Annual customer conference', 'Ran a two-day conference for 900 customers with 40 speakers.'], ['Community programme', 'Started a customer community that grew to 5,000 members in a year.']],
    scopes: ['Owned campaigns and content for one product line in a marketing team of {n}.', 'Ran demand generation with a budget of two million and a team of {n}.', 'Led launches and messaging with {n} product marketers.'],
    bullets: [
      'Grew organic sign-ups 3x in 18 months through a content program.',
      'Launched four products with sales enablement and analyst briefings.',
      'Rebuilt lead scoring, lifting MQL-to-SQL conversion by 22%.',
      'Ran a 600-attendee customer conference on a lean budget.',
      'Owned paid acquisition with a 9-month CAC payback.',
      'Started a customer podcast that sourced 15% of enterprise pipeline.',
      'Rebuilt the website on Webflow, doubling the conversion of the demo page.',
      'Wrote the messaging framework used by sales, product and support.',
      'Grew the newsletter from 4,000 to 38,000 subscribers.',
      'Ran quarterly win-loss interviews that reshaped competitive positioning.',
    ],
    skills: [['Copywriting', 5], ['Positioning', 4], ['Content Strategy', 4], ['SEO', 4], ['HubSpot', 4], ['Google Analytics', 4], ['Campaign Management', 4], ['Paid Social', 3], ['Google Ads', 3], ['Marketo', 2], ['Event Marketing', 2], ['Webflow', 1.5], ['Salesforce', 1.5], ['Figma', 0.8], ['SQL', 0.8]],
    roleSkills: { 'Product Marketing Manager': ['Positioning', 'Sales Enablement'], 'Content Marketing Manager': ['Content Strategy', 'Copywriting'], 'Growth Marketing Manager': ['Experimentation', 'Paid Acquisition'], 'Marketing Operations Specialist': ['Marketo', 'Attribution'], 'Brand Manager': ['Brand Strategy'], 'Field Marketing Manager': ['Event Marketing'] },
    certifications: ['Google Ads Certification', 'HubSpot Inbound Marketing Certification', 'Marketo Certified Expert'],
    degrees: ['B.A. Marketing', 'B.A. Journalism', 'M.Sc. Marketing', 'B.A. Media Studies'],
    links: 'none',
  },
  {
    department: 'Customer Success',
    code: 'CS',
    weight: 10,
    roles: ['Customer Success Manager', 'Customer Support Specialist', 'Technical Support Engineer', 'Implementation Consultant', 'Support Team Lead'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      { text: 'Skills Assessment', kind: 'assessment' },
      interview('Team Interview', 'Team Interview', 'team'),
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      OFFER,
      HIRED,
    ],
    salary: 52,
    about: 'You will help our customers succeed with Northwind: onboard new teams, solve tricky problems and bring their voice back to product.',
    summaries: [
      'Customer-obsessed problem solver with a calm voice on difficult calls.',
      'Success manager who grows accounts by making customers measurably better off.',
      'Support specialist who writes the help article after answering the ticket.',
    ],
    projects: [['Customer health scoring', 'Designed health scores in Gainsight that predicted most churn a quarter ahead.'], ['Support automation', 'Automated triage and macros, freeing a quarter of the team\'s time.'], ['Onboarding academy', 'Built a self-paced onboarding course taken by 3,000 customer admins.']],
    scopes: ['Looked after a book of 60 to 90 accounts in a success team of {n}.', 'Answered and escalated tickets in a support team of {n} across three time zones.', 'Ran implementations for new enterprise customers with {n} consultants.'],
    bullets: [
      'Kept gross retention at 96% across a book of 80 accounts.',
      'Cut first response time from 9 hours to 45 minutes.',
      'Wrote 150 knowledge-base articles that deflected 30% of tickets.',
      'Led onboarding for the company\'s five largest customers.',
      'Introduced QBRs that surfaced $400k in expansion revenue.',
      'Built the onboarding program that cut time to first value from 30 to 12 days.',
      'Raised CSAT from 86% to 95% while ticket volume doubled.',
      'Created customer health scores that predicted 80% of churned accounts.',
      'Ran a customer community of 2,500 admins with monthly office hours.',
      'Migrated support from email to a chat-first model across three time zones.',
    ],
    skills: [['Zendesk', 5], ['Onboarding', 5], ['Account Management', 4], ['Troubleshooting', 4], ['Intercom', 3], ['Renewals', 3], ['Salesforce', 3], ['Customer Training', 3], ['Gainsight', 2], ['Jira', 2], ['Churn Analysis', 2], ['SQL', 1.5], ['APIs', 1], ['Linux', 0.3]],
    roleSkills: { 'Technical Support Engineer': ['APIs', 'Linux'], 'Implementation Consultant': ['Project Management', 'Data Migration'], 'Support Team Lead': ['Team Leadership'] },
    certifications: ['Gainsight Certified Admin', 'Certified Customer Success Manager (CCSM)', 'ITIL 4 Foundation'],
    degrees: ['B.A. Business Administration', 'B.A. Psychology', 'B.Sc. Information Systems', 'B.A. Languages'],
    links: 'none',
  },
  {
    department: 'People',
    code: 'PPL',
    weight: 5,
    roles: ['Technical Recruiter', 'People Partner', 'Talent Acquisition Coordinator', 'People Operations Specialist', 'Learning & Development Lead'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      { text: 'Panel Interview', kind: 'onsite', sessions: [['Panel Interview: Case Discussion', 'team'], ['Panel Interview: Values', 'final']] },
      OFFER,
      HIRED,
    ],
    salary: 58,
    about: 'You will help us hire, grow and keep great people, with fair processes and a great experience for every candidate and employee.',
    summaries: [
      'People professional who cares about fair, fast and friendly hiring.',
      'Recruiter who has built engineering teams from 10 to 100 people.',
      'People partner with a practical, data-informed approach to growth and performance.',
    ],
    projects: [['Structured hiring', 'Rolled out structured interviews, scorecards and interviewer training across the company.'], ['Career framework', 'Wrote the career framework and levelling guide with every department.'], ['Global mobility', 'Set up relocation and visa support for hires from 20 countries.']],
    scopes: ['Hired for engineering and product, in a talent team of {n}.', 'People partner for 250 employees, with {n} colleagues in People.', 'Ran onboarding, learning and the performance cycle with a team of {n}.'],
    bullets: [
      'Hired 45 engineers in a year with an 88% offer acceptance rate.',
      'Introduced structured interviews and scorecards across the company.',
      'Rolled out a career framework for 300 employees.',
      'Cut time-to-hire from 52 to 34 days.',
      'Ran the employee engagement survey and the follow-up action plans.',
      'Launched a referral program that became the top source of hires.',
      'Moved the company to a new HRIS with no missed payroll.',
      'Designed manager training taken by 60 first-time leads.',
      'Built a candidate experience survey with a 4.6 out of 5 average.',
      'Partnered with leadership on a reorganisation affecting 120 people.',
    ],
    skills: [['Sourcing', 5], ['Greenhouse', 4], ['LinkedIn Recruiter', 4], ['Employer Branding', 3], ['Employee Relations', 3], ['Workday', 3], ['Interview Training', 3], ['Compensation', 3], ['Onboarding', 3], ['Performance Management', 3], ['Personio', 2], ['Lever', 2], ['DEI Programs', 2], ['Boolean Search', 1], ['Labour Law', 1]],
    roleSkills: { 'Technical Recruiter': ['Technical Sourcing', 'LinkedIn Recruiter'], 'Talent Acquisition Coordinator': ['Interview Scheduling'], 'People Operations Specialist': ['HRIS', 'Payroll'], 'Learning & Development Lead': ['Learning Design'], 'People Partner': ['Employee Relations'] },
    certifications: ['SHRM Certified Professional (SHRM-CP)', 'CIPD Level 5 in People Management', 'AIRS Certified Internet Recruiter'],
    degrees: ['B.A. Psychology', 'M.A. Human Resource Management', 'B.A. Sociology', 'B.A. Business Administration'],
    links: 'none',
  },
  {
    department: 'Finance',
    code: 'FIN',
    weight: 5,
    roles: ['Financial Analyst', 'Accountant', 'FP&A Manager', 'Payroll Specialist', 'Revenue Accountant'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      { text: 'Technical Assessment', kind: 'assessment' },
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      interview('Final Interview', 'Final Interview with CFO', 'final'),
      OFFER,
      HIRED,
    ],
    salary: 64,
    about: 'You will keep our numbers right and useful: close the books, model the business and help every team spend wisely.',
    summaries: [
      'Finance professional who likes clean ledgers and clear models.',
      'Planning analyst who partners with budget owners instead of policing them.',
      'Accountant experienced in SaaS revenue recognition and multi-entity close.',
    ],
    projects: [['ERP migration', 'Led the move from spreadsheets and an old ERP to NetSuite for four entities.'], ['Fundraising model', 'Built the operating model and data room for a Series C raise.'], ['Spend controls', 'Introduced purchase approvals and cards with limits for 300 employees.']],
    scopes: ['Ran the monthly close and reporting in a finance team of {n}.', 'Built the plans and forecasts for budget owners, with {n} colleagues in FP&A.', 'Looked after payroll and expenses for four countries, in a team of {n}.'],
    bullets: [
      'Shortened the month-end close from ten to five working days.',
      'Built the three-statement model used in the Series C fundraise.',
      'Implemented ASC 606 revenue recognition for multi-year contracts.',
      'Automated payroll reconciliation across four countries.',
      'Ran the annual budget process for 14 cost centres.',
      'Passed two external audits with no findings.',
      'Built the cash forecast that guided the company through a hiring freeze.',
      'Introduced spend management software across 200 card holders.',
      'Consolidated three subsidiaries into one chart of accounts.',
      'Produced the monthly board pack with commentary for the CFO.',
    ],
    skills: [['Excel', 9], ['Financial Modelling', 5], ['NetSuite', 4], ['IFRS', 4], ['Budgeting', 4], ['US GAAP', 3], ['SQL', 2], ['SAP', 2], ['Revenue Recognition', 2], ['DATEV', 1.5], ['Power BI', 1.5], ['Anaplan', 1], ['Xero', 1], ['Python', 0.6]],
    roleSkills: { 'Payroll Specialist': ['Payroll'], 'Revenue Accountant': ['ASC 606', 'Revenue Recognition'], 'FP&A Manager': ['Forecasting', 'Anaplan'] },
    certifications: ['ACCA', 'CPA', 'CFA Level II candidate', 'Chartered Accountant (ICAEW)'],
    degrees: ['B.Sc. Accounting and Finance', 'M.Sc. Finance', 'B.A. Economics', 'ACCA'],
    links: 'none',
  },
  {
    department: 'Operations',
    code: 'OPS',
    weight: 5,
    roles: ['Legal Counsel', 'Office Manager', 'Business Operations Analyst', 'IT Support Specialist', 'Procurement Specialist'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      interview('Final Interview', 'Final Interview', 'final'),
      OFFER,
      HIRED,
    ],
    salary: 56,
    about: 'You will keep Northwind running smoothly: the tools, offices, contracts and processes that let everyone else do their best work.',
    summaries: [
      'Operations generalist who turns recurring chaos into simple processes.',
      'In-house counsel with a commercial, pragmatic approach to risk.',
      'IT and workplace specialist who makes the first day at work painless.',
    ],
    projects: [['ISO 27001', 'Ran the certification project with engineering, legal and every department.'], ['New office', 'Found, negotiated and fitted out a 150-seat office in five months.'], ['Contract repository', 'Moved 2,000 contracts into one searchable repository with renewal reminders.']],
    scopes: ['Kept offices, tools and vendors running for 400 people, in a team of {n}.', 'In-house counsel for commercial contracts, one of {n} in the legal team.', 'Ran IT support and device management with {n} colleagues.'],
    bullets: [
      'Negotiated vendor contracts saving 15% on annual software spend.',
      'Opened a new 120-seat office on time and under budget.',
      'Set up device management and SSO for 400 employees.',
      'Drafted the standard customer agreement and DPA templates.',
      'Built the quarterly business review pack for the leadership team.',
      'Ran the company\'s first ISO 27001 certification project.',
      'Automated employee onboarding and offboarding across 25 SaaS tools.',
      'Negotiated the lease and fit-out of a second office floor.',
      'Cut contract review time from a week to two days with templates and playbooks.',
      'Set up the asset inventory for 900 laptops and phones.',
    ],
    skills: [['Contract Management', 4], ['Vendor Management', 4], ['Google Workspace', 4], ['Process Design', 4], ['GDPR', 3], ['Notion', 3], ['Project Management', 3], ['Okta', 2], ['Jamf', 2], ['Procurement', 2], ['Zapier', 1.5], ['Jira Service Management', 1.5], ['Legal Research', 1]],
    roleSkills: { 'Legal Counsel': ['Commercial Contracts', 'GDPR'], 'IT Support Specialist': ['Okta', 'Jamf', 'macOS'], 'Procurement Specialist': ['Procurement', 'Negotiation'], 'Office Manager': ['Facilities', 'Event Planning'], 'Business Operations Analyst': ['SQL', 'Process Design'] },
    certifications: ['Certified Information Privacy Professional (CIPP/E)', 'ITIL 4 Foundation', 'CIPS Level 4 Diploma in Procurement', 'PRINCE2 Foundation'],
    degrees: ['LL.M.', 'B.A. Business Administration', 'B.Sc. Information Technology', 'M.Sc. Operations Management'],
    links: 'none',
  },
];
export const FAMILY_WEIGHTS = FAMILIES.map((family) => [family, family.weight] as const);

/** Fictional employers whose domains are reserved for examples, with what they do. */
export const EMPLOYERS: readonly (readonly [name: string, domain: string, industry: string])[] = [
  ['Contoso', 'contoso.com', 'enterprise software'], ['Fabrikam', 'fabrikam.com', 'industrial manufacturing'], ['Tailspin Toys', 'tailspintoys.com', 'toys and games'],
  ['Litware', 'litwareinc.com', 'business software'], ['Adventure Works', 'adventure-works.com', 'outdoor retail'], ['Wide World Importers', 'wideworldimporters.com', 'logistics'],
  ['Proseware', 'proseware.com', 'developer tools'], ['Woodgrove Bank', 'woodgrovebank.com', 'retail banking'], ['Alpine Ski House', 'alpineskihouse.com', 'hospitality'],
  ['Coho Winery', 'cohowinery.com', 'food and drink'], ['Lucerne Publishing', 'lucernepublishing.com', 'publishing'], ['Fourth Coffee', 'fourthcoffee.com', 'coffee retail'],
  ['Trey Research', 'treyresearch.net', 'market research'], ["Margie's Travel", 'margiestravel.com', 'online travel'], ['Blue Yonder Airlines', 'blueyonderairlines.com', 'aviation'],
  ['Humongous Insurance', 'humongousinsurance.com', 'insurance'], ['Relecloud', 'relecloud.com', 'cloud hosting'], ['VanArsdel', 'vanarsdelltd.com', 'fashion e-commerce'],
  ['Consolidated Messenger', 'consolidatedmessenger.com', 'parcel delivery'], ['Wingtip Toys', 'wingtiptoys.com', 'e-commerce'], ['Southridge Video', 'southridgevideo.com', 'video streaming'],
  ['First Up Consultants', 'firstupconsultants.com', 'consulting'],
];

export const REASONS: Readonly<Record<'review' | 'screen' | 'interview' | 'assessment' | 'withdrew' | 'declined' | 'closed', readonly string[]>> = {
  review: [
    'Not enough relevant experience',
    'Experience level does not match the role',
    'Requires visa sponsorship we cannot offer for this role',
    'Location does not match the role requirements',
    'Salary expectations above the range for this role',
    'Missing required skills',
    'Duplicate application',
    'Another candidate was further along in the process',
  ],
  screen: [
    'Compensation expectations misaligned',
    'Not enough relevant experience',
    'Notice period too long',
    'Candidate unresponsive',
    'Communication skills below what the role needs',
  ],
  interview: [
    'Did not meet the bar for this level',
    'Lacked depth in core skills for this role',
    'Hiring team preferred another finalist',
    'Mixed feedback from the interview panel',
    'Not the right fit for the team\'s current needs',
  ],
  assessment: ['Assignment did not meet expectations', 'Did not complete the assignment', 'Assignment showed gaps in required skills'],
  withdrew: [
    'Candidate withdrew: accepted another offer',
    'Candidate withdrew: compensation',
    'Candidate withdrew: staying with current employer',
    'Candidate withdrew: not willing to relocate',
    'Candidate withdrew: personal reasons',
  ],
  declined: ['Offer declined: accepted another offer', 'Offer declined: compensation', 'Offer declined: counter-offer from current employer'],
  closed: ['Position filled', 'Role closed: hiring freeze', 'Position filled internally'],
};
