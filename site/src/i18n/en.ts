/**
 * Every string of the site's own (not the CMS's) in English: navigation, headings, buttons,
 * accessible names, notes, page titles of the list pages, the wording of schedules and
 * availability. `Dictionary`, the type every language's dictionary satisfies, is derived from
 * this object, so a key added here is missing in Spanish until `es.ts` has it too.
 *
 * Entries with parameters are functions; they get names, numbers and phone numbers as the page
 * shows them (already formatted).
 */
import { FAQ_TOPIC_LABELS, type Faq, type ProgramLevel, type TreatmentModality } from '@clinic/shared-types';

type Setting = ProgramLevel['setting'];
type ModalityCategory = TreatmentModality['category'];
type FaqTopic = Faq['topic'];
type ScheduleMeasure = 'hoursPerWeek' | 'daysPerWeek' | 'hoursPerDay' | 'durationWeeks';
/** The main navigation's sections (`navigationSections` in lib/routes.ts). */
type NavigationSection = 'programs' | 'compare' | 'treatments' | 'conditions' | 'faq' | 'contact';

/** The wording of one schedule measure: its label, its unit and the period after a value. */
interface MeasureWording {
  /** On a level's page: "Hours a week". */
  label: string;
  /** Column header of the compare table: "Length in weeks". */
  column: string;
  unit: { one: string; other: string };
  /** After the value in a one-line summary: " a week" ("12–15 hours a week"). */
  per: string;
}

/** Words around a link that only screen readers hear, e.g. "Previous<sr> page</sr>". */
interface PartlyHidden {
  hiddenBefore: string;
  visible: string;
  hiddenAfter: string;
}

export const en = {
  layout: {
    skipToContent: 'Skip to main content',
    preview: "Preview: not published. Shows all unpublished changes, not only this entry's.",
    /** The `aria-label` of the aside of related pages on an entry's page. */
    relatedPages: 'Related pages',
  },

  nav: {
    /** The `aria-label` of the main navigation. */
    label: 'Main',
    home: 'Home',
    sections: {
      programs: 'Programs',
      compare: 'Compare',
      treatments: 'Treatments',
      conditions: 'Conditions',
      faq: 'FAQ',
      contact: 'Contact',
    } satisfies Record<NavigationSection, string> as Record<NavigationSection, string>,
  },

  header: {
    /** The `aria-label` of the header's search landmark. */
    searchLandmark: 'Site',
    searchLabel: 'Search the site',
    searchPlaceholder: 'Search',
    searchButton: 'Search',
  },

  breadcrumbs: {
    label: 'Breadcrumb',
    home: 'Home',
  },

  call: {
    /** The call button's default label, before the number: "Call (949) 694-8305". */
    call: 'Call',
    /** A link that shows the number: "Call (949) 694-8305". */
    callNumber: (phone: string) => `Call ${phone}`,
    requestACallBack: 'Request a call back',
    callAdmissions: 'Call admissions',
  },

  crisis: {
    /** The `aria-label` of the strip above every page. */
    stripLabel: 'Crisis support',
    inCrisis: 'In crisis?',
    /** After the strip's links; `phone` is the resource's dialable number ("988"). */
    stripNote: (resource: { name: string; phone: string | null }) => `${resource.name}, free and confidential`,
    callLink: (phone: string) => `Call ${phone}`,
    textLink: (phone: string) => `Text ${phone}`,
    ttyLink: (phone: string) => `TTY ${phone}`,
    website: 'Website',
    /** Read after "Website" by screen readers only: " of the 988 Suicide & Crisis Lifeline". */
    websiteOf: (name: string) => ` of the ${name}`,
    footerTitle: 'Help right now',
    contactTitle: 'If you need help right now',
    /** On the thank-you page, after a call-back request. */
    urgentNote:
      'If you are in crisis or thinking about suicide, call or text 988 now. If you or someone else is in immediate danger, call 911.',
  },

  footer: {
    serving: (area: string) => `Serving ${area}`,
    explore: 'Explore',
  },

  callToAction: {
    title: 'Talk to our admissions team',
    text: 'Not sure which level of care fits you or someone you love? A confidential call is the easiest way to find out.',
  },

  availability: {
    /** A badge or a table cell. */
    onSite: 'Offered on site',
    throughPartners: 'Through partners',
    /** The same inside a sentence or after a link. */
    onSiteInline: 'offered on site',
    throughPartnersInline: 'through partners',
    onSiteHeading: (facility: string) => `Offered at ${facility}`,
    onSiteText: (facility: string, level: string) => `${facility} provides ${level.toLowerCase()} at its facility.`,
    partnersHeading: 'Arranged through our partners',
    partnersText: (facility: string) =>
      `${facility} does not provide this level of care at its facility. Our admissions team can help connect you with a partner.`,
    partnersCallLabel: 'Talk it through',
  },

  schedule: {
    measures: {
      hoursPerWeek: {
        label: 'Hours a week',
        column: 'Hours a week',
        unit: { one: 'hour', other: 'hours' },
        per: ' a week',
      },
      daysPerWeek: { label: 'Days a week', column: 'Days a week', unit: { one: 'day', other: 'days' }, per: ' a week' },
      hoursPerDay: {
        label: 'Hours a day',
        column: 'Hours a day',
        unit: { one: 'hour', other: 'hours' },
        per: ' a day',
      },
      durationWeeks: { label: 'Length', column: 'Length in weeks', unit: { one: 'week', other: 'weeks' }, per: '' },
    } satisfies Record<ScheduleMeasure, MeasureWording> as Record<ScheduleMeasure, MeasureWording>,
    /** A range with only a maximum: "up to 15". */
    upTo: (max: string) => `up to ${max}`,
    settings: {
      community: 'Community',
      outpatient: 'Outpatient clinic',
      'day-program': 'Day program',
      residential: 'Residential',
      'inpatient-medical': 'Inpatient, medically supervised',
    } satisfies Record<Setting, string> as Record<Setting, string>,
    setting: 'Setting',
    virtualOption: 'Virtual option',
    virtualAvailable: 'Available',
    virtualNotOffered: 'Not offered',
    variesByPerson: 'The schedule varies from person to person.',
  },

  levels: {
    asamLevel: (level: string) => `ASAM level ${level}`,
    /** Before a level's schedule in one line: "Typically 12–15 hours a week, …". */
    typically: (schedule: string) => `Typically ${schedule}`,
    stepsLabel: 'Continuum of care',
    stepDown: 'One step less intensive',
    stepUp: 'One step more intensive',
  },

  modalityCategories: {
    psychotherapy: { label: 'Talk therapies', singular: 'Talk therapy' },
    'group-support': { label: 'Group support', singular: 'Group support' },
    medication: { label: 'Medication', singular: 'Medication' },
    family: { label: 'Family support', singular: 'Family support' },
  } satisfies Record<ModalityCategory, { label: string; singular: string }> as Record<
    ModalityCategory,
    { label: string; singular: string }
  >,

  /** The FAQ's topic headings: the English ones are the admin's topic picker's too. */
  faqTopics: { ...FAQ_TOPIC_LABELS } as Record<FaqTopic, string>,

  entry: {
    reviewedBy: 'Medically reviewed by',
    /** Between the reviewer and the date: "… on March 5, 2026". */
    reviewedOn: 'on',
    updated: 'Updated',
    sources: 'Sources',
  },

  gallery: {
    title: 'Our facility',
  },

  /** The alt text of a page's generated share card (`og:image:alt`). */
  shareCard: {
    withTitle: (title: string, clinic: string) => `“${title}”, with the name and logo of ${clinic}.`,
    nameOnly: (clinic: string) => `The name and logo of ${clinic}.`,
  },

  pagination: {
    previous: { hiddenBefore: '', visible: 'Previous', hiddenAfter: ' page' } satisfies PartlyHidden,
    next: { hiddenBefore: '', visible: 'Next', hiddenAfter: ' page' } satisfies PartlyHidden,
    page: (n: number) => `Page ${n}`,
  },

  home: {
    requestACallBack: 'Request a call back',
    callsAreConfidential: 'Calls are confidential.',
    levelsTitle: 'Levels of care',
    levelsIntro:
      'Addiction treatment runs along a continuum of care, from prevention to medically managed residential care.',
    /** After the intro when the clinic provides some levels itself; names are lower case. */
    weProvide: (levels: readonly string[]) =>
      ` We provide ${levels.join(' and ')} at our facility, and help you find trusted partners for the other levels.`,
    compareLevels: 'Compare levels side by side',
    therapiesTitle: 'Therapies',
    therapiesIntro: 'Evidence-based approaches a treatment team draws on to personalize your care.',
    conditionsTitle: 'Conditions we treat',
    questionsTitle: 'Common questions',
    allQuestions: 'All frequently asked questions',
  },

  programs: {
    name: 'Levels of care',
    crumb: 'Programs',
    eyebrow: 'Programs',
    summary: (facility: string) =>
      `The levels of addiction and mental health care on the ASAM continuum, from prevention to medically managed residential treatment, and which ones ${facility} provides.`,
    lead: 'The American Society of Addiction Medicine (ASAM) describes addiction treatment as a continuum of care. Each step up gives more support and structure; each step down gives more freedom to keep up with daily life.',
    compareLevels: 'Compare levels side by side',
    listTitle: 'From least to most intensive',
  },

  program: {
    eyebrow: 'Level of care',
    eyebrowWithAsam: (asamLevel: string) => `Level of care · ASAM level ${asamLevel}`,
    /** "Questions about IOP", "Questions about medical detox". */
    questionsAbout: (level: string) => `Questions about ${level}`,
    therapiesTitle: 'Therapies at this level',
    conditionsTitle: 'Conditions treated',
    scheduleTitle: 'Time commitment',
    scheduleNote: 'Typical figures. Programs vary from one treatment center to another.',
    compareAll: 'Compare all levels of care side by side',
    goalsTitle: 'What it helps with',
    suitedForTitle: 'Who it is for',
  },

  compare: {
    name: 'Compare levels of care',
    crumb: 'Compare',
    eyebrow: 'Programs',
    summary:
      'Levels of addiction and mental health care side by side: typical hours a week, days a week, hours a day, length in weeks, setting and where each is offered.',
    lead: 'How much time each level of care usually takes, where it happens and whether we provide it ourselves. Figures are typical; programs vary from one treatment center to another.',
    caption: 'Levels of care, least to most intensive',
    scrollHint: 'Scroll sideways on small screens to see every column.',
    levelColumn: 'Level of care',
    settingColumn: 'Setting',
    virtualColumn: 'Virtual option',
    onSiteColumn: 'At our facility',
    virtualYes: 'Available',
    virtualNo: 'No',
    /** The row of a level's other schedule when the editor gave it no label. */
    otherSchedule: (level: string) => `${level}, other schedule`,
    notStated: 'Not stated',
    /** `throughPartners` is the table's own word for it, quoted. */
    note: (facility: string, throughPartners: string) =>
      `A dash means the figure is not stated: it varies from person to person or from program to program. “${throughPartners}” means ${facility} does not provide that level itself but can help connect you with partners in the area.`,
  },

  treatments: {
    name: 'Treatments and therapies',
    crumb: 'Treatments',
    eyebrow: 'Treatments',
    summary:
      'The evidence-based therapies used in addiction and mental health treatment: group and individual therapy, CBT, DBT, medication-assisted treatment and family therapy.',
    lead: 'A treatment team draws from several evidence-based approaches to personalize your care. Here is what each one involves.',
  },

  treatment: {
    eyebrow: (category: string) => `Treatment · ${category}`,
    levelsTitle: 'Levels of care that use it',
    conditionsTitle: 'Conditions it helps treat',
    benefitsTitle: 'How it can help',
  },

  conditions: {
    name: 'Conditions we treat',
    crumb: 'Conditions',
    eyebrow: 'Conditions',
    summary: (facility: string) =>
      `Addiction, mental health and co-occurring disorders treated at ${facility}, and the levels of care and therapies that help.`,
    listTitle: 'All conditions',
  },

  condition: {
    eyebrow: 'Condition',
    levelsTitle: 'Levels of care',
    therapiesTitle: 'Therapies that help',
  },

  faq: {
    name: 'Frequently asked questions',
    pageName: (page: number, last: number) => `Frequently asked questions, page ${page} of ${last}`,
    crumb: 'FAQ',
    eyebrow: 'FAQ',
    summary:
      'Answers about intensive outpatient programs, schedules and time commitment, therapies, medication, getting started and life after treatment.',
    /** A later page's description; topics are lower case. */
    pageSummary: (page: number, last: number, topics: readonly string[]) =>
      `More answers (page ${page} of ${last}): ${topics.join(', ')}.`,
    lead: 'Plain answers to the questions people ask us most. If yours is not here, call us: it is what we are here for.',
    topicsTitle: 'Topics',
    continued: (topic: string) => `${topic} (continued)`,
    paginationLabel: 'FAQ pages',
    /** Under a level's questions: the link to the whole FAQ. */
    allByTopic: 'All questions, grouped by topic',
  },

  contact: {
    name: (facility: string) => `Contact ${facility}`,
    crumb: 'Contact',
    eyebrow: 'Contact',
    summary: (facility: string, phone: string, place: string) =>
      `Call ${facility} at ${phone} to talk confidentially with our admissions team, or request a call back. ${place}.`,
    lead: 'Talking to someone is the first step. Calls are confidential, and there is no obligation.',
    callTitle: 'Call admissions',
    visitTitle: 'Where we are',
    accreditationsTitle: 'Licenses and accreditations',
    /** ", no. 12345" after a licence's issuer. */
    licenceNumber: (number: string) => `, no. ${number}`,
    /** Before the date a licence is valid until, inside parentheses. */
    validUntil: 'valid until',
    galleryTitle: 'Inside our facility',
  },

  thanks: {
    name: 'Thank you. We will call you back',
    crumb: 'Thank you',
    eyebrow: 'Request received',
    summary: (facility: string) =>
      `Your call-back request reached ${facility}. Our admissions team will call you back as soon as they can.`,
    lead: 'Thank you for reaching out. Our admissions team has your request and will call you back as soon as they can.',
    callNow: 'If you would rather not wait, you can call us now.',
    backHome: 'Back to the home page',
  },

  search: {
    name: 'Search',
    summary:
      'Search our pages and answers to common questions about programs, therapies, schedules and getting started.',
    title: 'Search pages and answers',
    resultsTitle: 'Search',
    /** The `aria-label` of the search form's landmark. */
    formLabel: 'Pages and answers',
    inputLabel: 'Search for',
    button: 'Search',
    needsJavaScript:
      'Searching needs JavaScript, which is off in this browser. Every page is listed below, and the questions people ask most are grouped by topic.',
    resultPlaceholder: 'Result',
    /** Said by the live region; `{count}` and `{query}` are filled in by the browser. */
    resultCount: {
      none: 'No results for “{query}”',
      one: '1 result for “{query}”',
      other: '{count} results for “{query}”',
    },
    unavailable: 'Search is not available just now. Please use the lists below, or call us.',
    /** Above an FAQ answer in the results. */
    faqContext: 'FAQ',
    browseTitle: 'Browse',
    browseFaq: 'Questions by topic',
    browseAllFaq: 'All questions',
    browsePrograms: 'Programs',
    browseAllPrograms: 'All levels of care',
    browseTreatments: 'Treatments',
    browseAllTreatments: 'All therapies',
    browseConditions: 'Conditions',
    browseAllConditions: 'All conditions',
    compareLevels: 'Compare levels of care',
    or: 'or',
    contactUs: 'contact us',
  },

  errors: {
    notFoundName: 'Page not found',
    notFoundSummary:
      'The page you were looking for is not here. Find levels of care, therapies and answers, or call us.',
    notFoundEyebrow: 'Error 404',
    notFoundLead: 'We could not find that page. It may have moved. These are good places to continue:',
    goneName: 'This page has been removed',
    goneSummary:
      'The page you were looking for was removed on purpose. Find levels of care, therapies and answers, or call us.',
    goneEyebrow: 'Error 410',
    goneLead: 'We took this page down and it is not coming back. These are good places to continue:',
    linkHome: 'Home',
    linkPrograms: 'Levels of care',
    linkTreatments: 'Treatments and therapies',
    linkFaq: 'Frequently asked questions',
    linkContact: 'Contact us',
  },
};

/** What every language's dictionary has: the English one's keys and parameters. */
export type Dictionary = typeof en;
