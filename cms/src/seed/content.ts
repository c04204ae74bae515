/**
 * The content seeded into the CMS on first run.
 *
 * Facts come from the client's page copy (`shared/content/client-iop-page.txt`): levels of
 * care, hours, days and weeks, modalities, group sizes, the NAMI figure, the phone number,
 * and the note that IOP is arranged through partners rather than offered on site. Nothing
 * clinical is added that the copy does not give. No page carries a medical review: the copy
 * names no reviewer, so `medicalReview` is left for the client's clinicians to fill in.
 *
 * `content.test.ts` checks every value here against the Strapi schemas.
 */
import type { ListItemSeed, SeedContent, SeoSeed, SourceSeed } from './seed-types';

const seo = (metaTitle: string, metaDescription: string): SeoSeed => ({ metaTitle, metaDescription, noindex: false });

const items = (...texts: string[]): ListItemSeed[] => texts.map((text) => ({ text }));

const ASAM_CRITERIA: SourceSeed = {
  title: 'The ASAM Criteria',
  publisher: 'American Society of Addiction Medicine (ASAM)',
  url: 'https://www.asam.org/asam-criteria',
};

// Source of "groups in IOPs usually contain from 8 to 15 individuals". Year left out: the
// product code (SMA13-4182) is a later printing of a 2006 TIP; the client can confirm which.
const SAMHSA_TIP_47: SourceSeed = {
  title: 'TIP 47: Substance Abuse: Clinical Issues in Intensive Outpatient Treatment',
  publisher: 'Substance Abuse and Mental Health Services Administration (SAMHSA)',
  url: 'https://store.samhsa.gov/product/tip-47-substance-abuse-clinical-issues-intensive-outpatient-treatment/sma13-4182',
};

// Source of "17 million U.S. adults ... co-occurring disorders in 2020"; `year` is the year
// of that figure, since the NAMI page itself is updated over time.
const NAMI_BY_THE_NUMBERS: SourceSeed = {
  title: 'Mental Health By the Numbers',
  publisher: 'National Alliance on Mental Illness (NAMI)',
  url: 'https://www.nami.org/about-mental-illness/mental-health-by-the-numbers/',
  year: 2020,
};

/** For the levels the facility does not provide itself (IOP has its own, more specific note). */
const PARTNER_NOTE =
  'California Detox does not provide this level of care at its facility. Our admissions team can help connect you with partners in the Orange County area.';

const LEVELS_FAQ = 'what-are-the-levels-of-care-in-addiction-treatment';

export const seedContent: SeedContent = {
  facility: {
    name: 'California Detox',
    tagline: 'Supervised medical detox and inpatient rehab in Laguna Beach, California',
    description:
      'California Detox is an addiction and mental health treatment center in Laguna Beach, in Southern California. We offer supervised medical detox from drugs and alcohol, and inpatient rehab for alcohol use disorder, substance use disorder, mental health disorders and co-occurring disorders. We do not offer intensive outpatient programs (IOP) at our facility, but we have connections in the Orange County area that can help with the next phase of your recovery.',
    phoneE164: '+19496948305',
    phoneDisplay: '(949) 694-8305',
    // PLACEHOLDER: the client copy gives no email address. Replace with the real admissions
    // address before launch.
    email: 'admissions@californiadetox.com',
    // The copy gives only the town: no street address, postal code or coordinates (so no `geo`).
    address: { locality: 'Laguna Beach', region: 'CA', country: 'US' },
    serviceArea: 'Orange County, California',
    // TO BE CONFIRMED by the client: the copy states no admissions hours, so this promises
    // none (it does not say "24/7"). Replace with the real hours once the client gives them.
    admissionsHours: 'Call or request a call back to speak with our admissions team',
    // None in the client copy; never invent licenses or accreditations.
    accreditations: [],
    crisisResources: [
      {
        name: '988 Suicide & Crisis Lifeline',
        description:
          'Call or text 988 for free, confidential support 24/7 if you are in a mental health or substance use crisis, or thinking about suicide.',
        phone: '988',
        phoneDisplay: '988',
        acceptsText: true,
        url: 'https://988lifeline.org',
      },
      {
        name: 'SAMHSA National Helpline',
        description:
          'Free, confidential treatment referral and information about mental health and substance use, 24/7, 365 days a year. Also reached at 1-800-662-HELP.',
        phone: '+18006624357',
        phoneDisplay: '1-800-662-4357',
        tty: '+18004874889',
        ttyDisplay: '1-800-487-4889',
        acceptsText: false,
        url: 'https://www.samhsa.gov/find-help/helplines/national-helpline',
      },
      {
        name: 'Emergency services',
        description:
          'If you or someone else is in immediate danger or needs urgent medical care, call 911 or go to the nearest emergency room.',
        phone: '911',
        phoneDisplay: '911',
        acceptsText: false,
      },
    ],
    legalDisclaimer:
      'The information on this website is for general education only. It is not medical advice and does not replace diagnosis or treatment by a qualified health professional. Contacting us does not by itself create a patient relationship. If you are having a medical emergency, call 911. If you are in crisis or thinking about suicide, call or text 988 to reach the 988 Suicide & Crisis Lifeline.',
    seo: seo(
      'California Detox | Detox & Rehab in Laguna Beach, CA',
      'Supervised medical detox and inpatient rehab in Laguna Beach, CA, for addiction, mental health and co-occurring disorders. Call (949) 694-8305.',
    ),
  },

  programLevels: [
    {
      name: 'Prevention and early intervention',
      slug: 'prevention-and-early-intervention',
      asamLevel: '0.5',
      continuumRank: 0,
      summary:
        'The first level on the ASAM continuum of care. It is for people who may be at risk of a substance use problem but do not yet need structured addiction treatment.',
      body: `## Where it sits on the continuum

The American Society of Addiction Medicine (ASAM) describes addiction treatment as a continuum of care. It runs from prevention and early intervention, through outpatient, intensive outpatient and partial hospitalization programs, to residential and medically managed residential care.

Prevention and early intervention is the least intensive level. It is meant for people who may be at risk of developing a substance use problem, before structured treatment is needed.

## Getting help at this level

California Detox does not provide this level of care at its facility. If you are not sure what kind of support you or a loved one needs, our admissions team can talk it through with you and help connect you with partners in the Orange County area.`,
      setting: 'community',
      virtualOption: false,
      offeredOnSite: false,
      availabilityNote: PARTNER_NOTE,
      suitedFor: items(
        'People who may be at risk of developing a substance use problem',
        'People who do not yet need structured addiction treatment',
      ),
      modalities: [],
      conditions: [],
      faqs: [LEVELS_FAQ],
      sources: [ASAM_CRITERIA],
      seo: seo(
        'Prevention and Early Intervention | California Detox',
        'Prevention and early intervention is the first level of care on the ASAM continuum, for people at risk of a substance use problem.',
      ),
    },
    {
      name: 'Outpatient program',
      slug: 'outpatient-program',
      asamLevel: '1',
      continuumRank: 1,
      summary:
        'A standard outpatient program offers less support and structure than an intensive outpatient program (IOP). Many people step down to it after completing an IOP.',
      body: `## How it compares

A standard outpatient program is one step less intensive than an intensive outpatient program (IOP). An IOP provides more support and structure than traditional outpatient treatment, but less than a partial hospitalization program (PHP).

## Stepping down after IOP

Intensive outpatient treatment usually lasts from 12 to 16 weeks. After that, if you are not ready to maintain your recovery without assistance, you can step down to a regular outpatient program. Others move back into sober living.

## Getting help at this level

California Detox does not provide this level of care at its facility. Our admissions team can help connect you with partners in the Orange County area.`,
      setting: 'outpatient',
      virtualOption: false,
      offeredOnSite: false,
      availabilityNote: PARTNER_NOTE,
      suitedFor: items(
        'People stepping down from an intensive outpatient program who are not yet ready to maintain recovery without assistance',
      ),
      modalities: [],
      conditions: [],
      faqs: [LEVELS_FAQ, 'what-happens-after-an-intensive-outpatient-program'],
      sources: [ASAM_CRITERIA],
      seo: seo(
        'Outpatient Program | California Detox',
        'A standard outpatient program gives less structure than an IOP. Many people step down to it after 12 to 16 weeks of intensive outpatient care.',
      ),
    },
    {
      name: 'Intensive outpatient program',
      shortName: 'IOP',
      slug: 'intensive-outpatient-program',
      asamLevel: '2.1',
      continuumRank: 2,
      summary:
        'An intensive outpatient program (IOP) offers structured therapy, typically 12 to 15 hours a week, while you live at home and keep up with everyday commitments. It is for people who do not need medical detox or around-the-clock supervision.',
      body: `## What an IOP is

Intensive outpatient programs are intended for dependencies that do not call for medical detoxification or around-the-clock supervision. With inpatient treatment, you stay at the facility from detox to discharge. With intensive outpatient treatment, you return home between scheduled therapy sessions at a treatment center, so you can keep up with work, family and other everyday commitments.

You can join an IOP on its own, or as a step down from a more intensive form of addiction or mental health treatment. An IOP is meant to help you:

- learn coping strategies
- build a sober support system
- focus on relapse prevention and management

## Where IOP sits on the continuum of care

The American Society of Addiction Medicine (ASAM) places intensive outpatient and partial hospitalization programs between standard outpatient treatment and inpatient (residential) rehab. An IOP provides more support and structure than traditional outpatient treatment, but less than a partial hospitalization program (PHP).

## The time commitment

Programs vary from one treatment center to another, but an IOP typically involves:

- 12 to 15 hours of therapy sessions a week
- 3 to 4 hours of sessions a day, on three to five weekdays
- 12 to 16 weeks in total

You can expect both individual and group sessions.

## IOP and PHP

An IOP is not better or worse than a PHP. The two are similar except for the time commitment: most PHPs schedule 5 to 6 hours of therapy sessions on all five weekdays. An IOP places more focus on group counseling, and less on the active monitoring and supervision of symptoms or medications.

## What treatment involves

Most IOPs for substance use disorder personalize treatment. The treatment team draws from:

- [group therapy](/treatments/group-therapy/)
- [individual therapy](/treatments/individual-therapy/)
- [psychotherapy](/treatments/psychotherapy/) (talk therapy), such as [cognitive behavioral therapy (CBT)](/treatments/cognitive-behavioral-therapy/)
- [medication-assisted treatment (MAT)](/treatments/medication-assisted-treatment/) and [medication management](/treatments/medication-management/)
- [family therapy](/treatments/family-therapy/)

Group therapy is central to most IOPs. According to SAMHSA (Substance Abuse and Mental Health Services Administration), groups in IOPs usually contain from 8 to 15 people. Many programs also encourage you to take part in a peer support group, although this is not usually mandatory.

## Getting started: the assessment

An IOP begins with an initial assessment made up of screening questions and a physical exam. Based on what it finds, the treatment team personalizes your treatment plan.

## IOP for mental health

A mental health IOP is designed to provide a balance of structure and support to improve daily functioning. As with an IOP for substance use, you can address immediate problems while building skills for your ongoing recovery. Expect to attend sessions for three hours weekly on three weekdays, which leaves time for your personal and professional commitments.

A mental health IOP may include:

- evidence-based treatment, with sessions of CBT or [DBT](/treatments/dialectical-behavior-therapy/)
- intense, structured psychoeducation and lectures on mental health
- group and individual counseling
- medication-assisted treatment (MAT) and medication management
- substance use and addiction management education

It is more flexible than residential rehab but more intense than a traditional outpatient program. It can also help people with [co-occurring disorders](/conditions/co-occurring-disorders/), where an addiction and a mental health condition such as depression, anxiety or PTSD occur together.

## Virtual IOP

Increasingly, drug and alcohol treatment programs offer virtual IOPs. In a virtual IOP, you take part in psychotherapy and counseling by video call instead of attending face-to-face sessions.

## After IOP

After 12 to 16 weeks, you can step down to a standard outpatient program or move back into sober living. Good IOPs include aftercare: relapse prevention and management strategies, ongoing therapy, and access to an alumni program.

## IOP and California Detox

California Detox does not offer IOP at its facility. If an IOP is the right path for you, we can first help you detox from drugs or alcohol comfortably and safely. After a week or so, with physical dependence addressed, you will be ready to transition into an IOP, and we have connections in the Orange County area that can help you with that next phase. Call us at [(949) 694-8305](tel:+19496948305) to talk it through.`,
      schedule: {
        label: 'Typical intensive outpatient program',
        hoursPerWeekMin: 12,
        hoursPerWeekMax: 15,
        daysPerWeekMin: 3,
        daysPerWeekMax: 5,
        hoursPerDayMin: 3,
        hoursPerDayMax: 4,
        durationWeeksMin: 12,
        durationWeeksMax: 16,
      },
      // The copy says, literally, "sessions for three hours weekly on three weekdays".
      alternateSchedules: [
        { label: 'Mental health IOP', hoursPerWeekMin: 3, hoursPerWeekMax: 3, daysPerWeekMin: 3, daysPerWeekMax: 3 },
      ],
      setting: 'outpatient',
      virtualOption: true,
      offeredOnSite: false,
      availabilityNote:
        'California Detox does not offer IOP at its facility. We have connections in the Orange County area that can help you with this phase of your recovery, often after a week or so of medical detox with us.',
      goals: items(
        'Provide coping strategies',
        'Establish a sober support system',
        'Focus on relapse prevention and management',
        'Build skills you can use in your ongoing recovery',
      ),
      suitedFor: items(
        'People whose dependency does not call for medical detox or around-the-clock supervision',
        'People who do not need residential rehab',
        'People with mild to moderate alcohol or substance use disorders',
        'People stepping down from a more intensive form of addiction or mental health treatment',
        'People who want to keep up with work, family and other everyday commitments',
        'People with mental health or co-occurring disorders who need structure and support',
      ),
      modalities: [
        'group-therapy',
        'individual-therapy',
        'psychotherapy',
        'cognitive-behavioral-therapy',
        'dialectical-behavior-therapy',
        'medication-assisted-treatment',
        'medication-management',
        'family-therapy',
      ],
      conditions: [
        'alcohol-use-disorder',
        'substance-use-disorder',
        'mental-health-disorders',
        'co-occurring-disorders',
      ],
      faqs: [
        LEVELS_FAQ,
        'what-does-an-intensive-outpatient-program-help-with',
        'what-is-the-difference-between-iop-and-php',
        'what-is-the-difference-between-iop-and-inpatient-rehab',
        'who-is-an-intensive-outpatient-program-right-for',
        'is-virtual-iop-available',
        'what-is-a-co-occurring-disorder',
        'how-many-hours-a-week-is-an-intensive-outpatient-program',
        'how-many-days-a-week-and-hours-a-day-is-iop',
        'how-many-weeks-does-an-intensive-outpatient-program-last',
        'what-is-the-schedule-for-a-mental-health-iop',
        'what-therapies-are-used-in-an-intensive-outpatient-program',
        'how-big-are-iop-therapy-groups',
        'do-i-have-to-join-a-peer-support-group',
        'what-is-medication-assisted-treatment-mat',
        'does-iop-include-medication-assisted-treatment',
        'what-happens-at-the-initial-assessment',
        'does-california-detox-offer-iop-on-site',
        'what-happens-after-an-intensive-outpatient-program',
      ],
      sources: [ASAM_CRITERIA, SAMHSA_TIP_47, NAMI_BY_THE_NUMBERS],
      seo: seo(
        'Intensive Outpatient Program (IOP) | California Detox',
        'What an IOP involves: 12 to 15 hours of therapy a week for 12 to 16 weeks, while you live at home. How it compares with PHP and inpatient rehab.',
      ),
    },
    {
      name: 'Partial hospitalization program',
      shortName: 'PHP',
      slug: 'partial-hospitalization-program',
      asamLevel: '2.5',
      continuumRank: 3,
      summary:
        'A partial hospitalization program (PHP) is similar to an IOP but takes more of your time: most PHPs schedule 5 to 6 hours of therapy sessions on all five weekdays.',
      body: `## What a PHP is

A partial hospitalization program (PHP) sits just above an intensive outpatient program (IOP) on the continuum of care described by the American Society of Addiction Medicine (ASAM). As with an IOP, you live at home and attend scheduled therapy sessions at a treatment center.

## PHP and IOP

A PHP is not better or worse than an IOP. The two are similar except for the time commitment:

- most PHPs schedule 5 to 6 hours of therapy sessions on all five weekdays
- most IOPs schedule 3 to 4 hours of therapy sessions on three to five weekdays

A PHP gives more support and structure than an IOP, with more focus on the active monitoring and supervision of symptoms and medications. An IOP places more focus on group counseling.

## Getting help at this level

California Detox does not provide this level of care at its facility. Our admissions team can help connect you with partners in the Orange County area.`,
      schedule: {
        label: 'Typical partial hospitalization program',
        hoursPerDayMin: 5,
        hoursPerDayMax: 6,
        daysPerWeekMin: 5,
        daysPerWeekMax: 5,
      },
      setting: 'day-program',
      virtualOption: false,
      offeredOnSite: false,
      availabilityNote: PARTNER_NOTE,
      goals: items(
        'Give more support and structure than an intensive outpatient program',
        'Actively monitor and supervise symptoms and medications',
      ),
      suitedFor: items(
        'People who need more support and structure than an intensive outpatient program offers',
        'People who can attend therapy sessions for 5 to 6 hours on all five weekdays',
      ),
      // The copy says PHP and IOP are "similar except in terms of time commitment".
      modalities: ['group-therapy', 'individual-therapy', 'psychotherapy', 'medication-management'],
      conditions: [
        'alcohol-use-disorder',
        'substance-use-disorder',
        'mental-health-disorders',
        'co-occurring-disorders',
      ],
      faqs: [LEVELS_FAQ, 'what-is-the-difference-between-iop-and-php', 'how-many-days-a-week-and-hours-a-day-is-iop'],
      sources: [ASAM_CRITERIA],
      seo: seo(
        'Partial Hospitalization Program (PHP) | California Detox',
        'A PHP is like an IOP with a bigger time commitment: most schedule 5 to 6 hours of therapy sessions on all five weekdays.',
      ),
    },
    {
      name: 'Residential treatment',
      slug: 'residential-treatment',
      asamLevel: '3.5',
      continuumRank: 4,
      summary:
        'Residential treatment, often called inpatient rehab, means you stay at the facility from detox to discharge. California Detox offers inpatient rehab for addiction, mental health disorders and co-occurring disorders.',
      body: `## What residential treatment is

With residential treatment, also called inpatient rehab, you stay at the treatment facility from detox to discharge. With outpatient care, including an intensive outpatient program (IOP), you return home between scheduled therapy sessions.

On the continuum of care described by the American Society of Addiction Medicine (ASAM), inpatient (residential) programs are more intensive than intensive outpatient and partial hospitalization programs.

## Residential treatment at California Detox

California Detox, in Laguna Beach in Southern California, offers inpatient rehab for:

- alcoholism ([alcohol use disorder](/conditions/alcohol-use-disorder/))
- drug addiction ([substance use disorder](/conditions/substance-use-disorder/))
- [mental health disorders](/conditions/mental-health-disorders/)
- [co-occurring disorders](/conditions/co-occurring-disorders/)

Treatment can begin with our supervised [medical detox](/programs/medical-detox/) program.

## After residential treatment

When you complete your treatment at California Detox, you can step down to a less intensive form of addiction care, such as an IOP, or transition into daily living. We have connections in the Orange County area that can help you with the next phase of your recovery.

To talk about whether residential treatment is right for you or a loved one, call [(949) 694-8305](tel:+19496948305).`,
      setting: 'residential',
      virtualOption: false,
      offeredOnSite: true,
      goals: items(
        'Address addiction and mental health needs while you stay at the facility from detox to discharge',
        'Prepare to step down to a less intensive form of care or transition into daily living',
      ),
      suitedFor: items(
        'People whose dependency calls for around-the-clock supervision',
        'People with alcohol use disorder, substance use disorder, mental health disorders or co-occurring disorders',
      ),
      // The copy names no therapies for its inpatient program; it says evidence-based treatment
      // "typically involve[s] medication-assisted treatment and/or psychotherapy". Client to confirm.
      modalities: ['psychotherapy', 'medication-assisted-treatment'],
      conditions: [
        'alcohol-use-disorder',
        'substance-use-disorder',
        'mental-health-disorders',
        'co-occurring-disorders',
      ],
      faqs: [
        LEVELS_FAQ,
        'what-is-the-difference-between-iop-and-inpatient-rehab',
        'what-happens-after-treatment-at-california-detox',
      ],
      sources: [ASAM_CRITERIA],
      seo: seo(
        'Residential Treatment (Inpatient Rehab) | California Detox',
        'Inpatient rehab in Laguna Beach, CA, for alcohol and drug addiction, mental health disorders and co-occurring disorders. Stay from detox to discharge.',
      ),
    },
    {
      name: 'Medically managed residential treatment',
      slug: 'medically-managed-residential-treatment',
      // "Medically Managed Residential" is ASAM level 3.7 in the current (4th) edition of The
      // ASAM Criteria; the older 3rd edition called its top level (4) "medically managed".
      asamLevel: '3.7',
      continuumRank: 5,
      summary:
        'The most intensive residential level on the ASAM continuum of care, for people whose needs call for around-the-clock care directed by medical staff.',
      body: `## What it is

The continuum of care described by the American Society of Addiction Medicine (ASAM) includes medically managed residential rehab, the most intensive form of residential care. It provides around-the-clock care directed by medical staff, for people whose needs go beyond what standard residential treatment provides.

## Getting help at this level

California Detox does not provide this level of care at its facility. Our admissions team can help you understand your options and connect you with partners in the Orange County area.

If you or someone else is in immediate danger or needs urgent medical care, call 911.`,
      setting: 'inpatient-medical',
      virtualOption: false,
      offeredOnSite: false,
      availabilityNote: PARTNER_NOTE,
      suitedFor: items('People whose needs call for around-the-clock care directed by medical staff'),
      modalities: [],
      conditions: [],
      faqs: [LEVELS_FAQ],
      sources: [ASAM_CRITERIA],
      seo: seo(
        'Medically Managed Residential Treatment | California Detox',
        'Medically managed residential rehab is the most intensive residential level of care on the ASAM continuum, with around-the-clock medical care.',
      ),
    },
    {
      name: 'Medical detox',
      shortName: 'Detox',
      slug: 'medical-detox',
      // No ASAM level: the copy does not place its detox program on the ASAM scale, and the
      // withdrawal-management level (e.g. 3.7-WM) is the client's to confirm.
      continuumRank: 6,
      summary:
        'Supervised medical detox helps you withdraw from drugs or alcohol comfortably and safely, with FDA-approved medications for cravings and withdrawal and continuous clinical and emotional care. It usually takes a week or so.',
      body: `## What medical detox is

Medical detox, also called withdrawal management, is a supervised process of withdrawing from drugs or alcohol while your symptoms are managed. Intensive outpatient programs are meant for people whose dependency does not call for medical detox or around-the-clock supervision. When it does, detox comes first.

## Medical detox at California Detox

Our supervised medical detox program in Laguna Beach helps you detox from drugs or alcohol comfortably and safely. It gives you:

- access to FDA-approved medications to help manage cravings and withdrawal
- continuous clinical and emotional care

## How long it takes

After a week or so, with physical dependence addressed, you will be ready to move on to the next phase of your treatment. The time it takes varies from person to person.

## What comes next

From detox you can continue into [inpatient rehab](/programs/residential-treatment/) with us, or transition into an [intensive outpatient program (IOP)](/programs/intensive-outpatient-program/). California Detox does not offer IOP at its facility, but we have connections in the Orange County area that can help you with the next phase of your recovery.

Call [(949) 694-8305](tel:+19496948305) to talk about detox for yourself or a loved one.`,
      // The copy: "After a week or so and with the issue of physical dependence addressed".
      schedule: { label: 'About a week; it varies from person to person', durationWeeksMin: 1, durationWeeksMax: 1 },
      setting: 'inpatient-medical',
      virtualOption: false,
      offeredOnSite: true,
      goals: items(
        'Detox from drugs or alcohol comfortably and safely',
        'Manage cravings and withdrawal with FDA-approved medications',
        'Address physical dependence before the next phase of treatment',
      ),
      suitedFor: items(
        'People whose dependency calls for medical detoxification or around-the-clock supervision',
        'People planning to continue into inpatient rehab or an intensive outpatient program after detox',
      ),
      modalities: ['medication-assisted-treatment', 'medication-management'],
      conditions: ['alcohol-use-disorder', 'substance-use-disorder'],
      faqs: [
        LEVELS_FAQ,
        'how-long-does-medical-detox-take',
        'does-california-detox-offer-iop-on-site',
        'what-is-medication-assisted-treatment-mat',
        'what-happens-after-treatment-at-california-detox',
      ],
      seo: seo(
        'Medical Detox in Laguna Beach, CA | California Detox',
        'Supervised medical detox from drugs or alcohol, with FDA-approved medications for cravings and withdrawal and continuous clinical and emotional care.',
      ),
    },
  ],

  modalities: [
    {
      name: 'Group therapy',
      slug: 'group-therapy',
      summary:
        'In group therapy you meet regularly with a small group of peers in recovery to give and receive support and feedback and to learn skills for recovery. It is central to most intensive outpatient programs.',
      body: `## How group therapy helps

Group therapy is central to most intensive outpatient programs (IOPs). It supports people working through addiction in many ways: you practice communicating, build a new sober support system, and get support and feedback from peers with lived experience of addiction. Groups are also a place to learn about addiction, coping mechanisms and relapse prevention strategies, often through psychoeducational sessions.

## Group size

According to SAMHSA (Substance Abuse and Mental Health Services Administration), groups in IOPs usually contain from 8 to 15 people.

## Group therapy and peer support groups

Group therapy is part of your treatment program. Many IOPs also encourage you to take part in a peer support group, although this is not usually mandatory.

## Group counseling for mental health

Group counseling is also part of a mental health IOP, alongside individual counseling and structured psychoeducation.`,
      benefits: items(
        'Improving communication skills',
        'Offering a new sober support system',
        'Providing an environment where you can get support and feedback from peers with lived experience of addiction',
        'Reinforcing positive ways of interacting',
        'Providing a safe space for those in recovery',
        'Offering a forum for learning about addiction',
        'Teaching coping mechanisms',
        'Imparting relapse prevention strategies',
        'Delivering psychoeducational support sessions',
      ),
      category: 'group-support',
      conditions: [
        'alcohol-use-disorder',
        'substance-use-disorder',
        'mental-health-disorders',
        'co-occurring-disorders',
      ],
      sources: [SAMHSA_TIP_47],
      seo: seo(
        'Group Therapy in Addiction Treatment | California Detox',
        'How group therapy supports recovery in an intensive outpatient program, from a sober support system to relapse prevention. Groups usually have 8 to 15 people.',
      ),
    },
    {
      name: 'Individual therapy',
      slug: 'individual-therapy',
      summary:
        'Individual therapy means one-to-one sessions with a therapist. You can explore the causes of your addiction and work on pressing problems in your early recovery.',
      body: `## What to expect

While many sessions in an intensive outpatient program (IOP) take place in a group, you will also have access to individual therapy.

Individual therapy lets you work closely with a therapist. You can explore the causes of your addiction and focus on pressing problems that come up in early recovery.

## Individual counseling for mental health

Individual counseling is also part of a mental health IOP, alongside group counseling, psychoeducation and sessions of CBT or DBT.`,
      benefits: items(
        'Working closely with a therapist',
        'Exploring the causes of your addiction',
        'Focusing on pressing problems in your early recovery',
      ),
      category: 'psychotherapy',
      conditions: [
        'alcohol-use-disorder',
        'substance-use-disorder',
        'mental-health-disorders',
        'co-occurring-disorders',
      ],
      seo: seo(
        'Individual Therapy | California Detox',
        'One-to-one sessions with a therapist to explore the causes of your addiction and work on pressing problems in early recovery.',
      ),
    },
    {
      name: 'Psychotherapy',
      shortName: 'Talk therapy',
      slug: 'psychotherapy',
      summary:
        'Psychotherapy, informally known as talk therapy, helps you understand and work through the psychological side of addiction and of mental health conditions.',
      body: `## What psychotherapy is

Psychotherapy, informally known as talk therapy, is valuable for anyone looking to unpack the psychological aspect of addiction. Evidence-based treatment for addictions and mental health disorders typically involves psychotherapy, medication-assisted treatment (MAT), or both.

## Types of psychotherapy

- [Cognitive behavioral therapy (CBT)](/treatments/cognitive-behavioral-therapy/) helps you learn healthy coping skills and reframe distorted thoughts.
- [Dialectical behavior therapy (DBT)](/treatments/dialectical-behavior-therapy/): a mental health intensive outpatient program can include sessions of CBT or DBT.

Psychotherapy can take place one to one, in [individual therapy](/treatments/individual-therapy/), or with peers, in [group therapy](/treatments/group-therapy/).`,
      benefits: items(
        'Unpacking the psychological aspect of addiction',
        'Can be used on its own or together with medication-assisted treatment (MAT)',
      ),
      category: 'psychotherapy',
      conditions: [
        'alcohol-use-disorder',
        'substance-use-disorder',
        'mental-health-disorders',
        'co-occurring-disorders',
      ],
      seo: seo(
        'Psychotherapy (Talk Therapy) | California Detox',
        'Psychotherapy, or talk therapy, helps you unpack the psychological side of addiction and mental health conditions, including through CBT and DBT.',
      ),
    },
    {
      name: 'Cognitive behavioral therapy',
      shortName: 'CBT',
      slug: 'cognitive-behavioral-therapy',
      summary:
        'Cognitive behavioral therapy (CBT) is a talk therapy used to treat addictions and mental health disorders. You learn healthy coping skills for triggers and stressors, and how to reframe distorted thoughts.',
      body: `## What CBT is

Cognitive behavioral therapy (CBT) is a form of [psychotherapy](/treatments/psychotherapy/) (talk therapy). CBT is proven effective for treating addictions and mental health disorders.

## What you do in CBT

Through CBT sessions, you learn healthy coping skills that improve your ability to deal with triggers and stressors in your recovery. A therapist helps you reframe distorted thoughts, with a view to making lasting changes in behavior.

## CBT and medication-assisted treatment

CBT can be delivered on its own or together with [medication-assisted treatment (MAT)](/treatments/medication-assisted-treatment/). MAT is most effective when delivered alongside behavioral interventions like CBT.

## CBT in an intensive outpatient program

A mental health intensive outpatient program can include sessions of CBT or [DBT](/treatments/dialectical-behavior-therapy/).`,
      benefits: items(
        'Learning healthy coping skills',
        'Dealing better with triggers and stressors in your recovery',
        'Reframing distorted thoughts',
        'Working toward lasting behavioral change',
        'Can be delivered on its own or together with MAT',
      ),
      category: 'psychotherapy',
      conditions: [
        'alcohol-use-disorder',
        'substance-use-disorder',
        'mental-health-disorders',
        'co-occurring-disorders',
      ],
      seo: seo(
        'Cognitive Behavioral Therapy (CBT) | California Detox',
        'CBT helps you learn healthy coping skills for triggers and stressors and reframe distorted thoughts. It can be combined with MAT.',
      ),
    },
    {
      name: 'Dialectical behavior therapy',
      shortName: 'DBT',
      slug: 'dialectical-behavior-therapy',
      summary:
        'Dialectical behavior therapy (DBT) is a structured form of talk therapy. A mental health intensive outpatient program can include sessions of CBT or DBT.',
      // Kept general on purpose: the copy only says a mental health IOP offers "Sessions of CBT or DBT".
      body: `## What DBT is

Dialectical behavior therapy (DBT) is a structured form of [psychotherapy](/treatments/psychotherapy/) (talk therapy) that grew out of [cognitive behavioral therapy (CBT)](/treatments/cognitive-behavioral-therapy/). It focuses on practical skills for coping with strong emotions and with relationships.

## DBT in a mental health IOP

A mental health intensive outpatient program can include sessions of CBT or DBT, alongside group and individual counseling and psychoeducation. Your treatment team will talk with you about which therapies fit your treatment plan.`,
      category: 'psychotherapy',
      conditions: ['mental-health-disorders', 'co-occurring-disorders'],
      seo: seo(
        'Dialectical Behavior Therapy (DBT) | California Detox',
        'DBT is a structured form of talk therapy. A mental health intensive outpatient program can include sessions of CBT or DBT.',
      ),
    },
    {
      name: 'Medication-assisted treatment',
      shortName: 'MAT',
      slug: 'medication-assisted-treatment',
      summary:
        'Medication-assisted treatment (MAT) uses FDA-approved medications, alongside behavioral treatment, for alcohol and opioid use disorders. It can help streamline detox and promote ongoing abstinence.',
      body: `## What MAT is

Medication-assisted treatment (MAT) uses FDA-approved medications alongside behavioral treatment. Alcohol use disorders and opioid use disorders respond positively to MAT.

Several FDA-approved medications can help streamline detoxification and promote ongoing abstinence. MAT is proven effective for treating addictions, and it is most effective when delivered alongside behavioral interventions like [cognitive behavioral therapy (CBT)](/treatments/cognitive-behavioral-therapy/).

## MAT during medical detox

Our supervised [medical detox](/programs/medical-detox/) program gives you access to FDA-approved medications to help manage cravings and withdrawal, along with continuous clinical and emotional care.

## MAT in an intensive outpatient program

An intensive outpatient program (IOP) treatment team can draw on MAT and [medication management](/treatments/medication-management/) as part of a personalized treatment plan, for substance use and for mental health.

Only a medical provider can decide whether a medication is right for you.`,
      benefits: items(
        'Uses FDA-approved medications',
        'Alcohol and opioid use disorders respond positively to it',
        'Can help streamline detoxification',
        'Can help promote ongoing abstinence',
        'Most effective alongside behavioral interventions like CBT',
      ),
      category: 'medication',
      conditions: ['alcohol-use-disorder', 'substance-use-disorder'],
      seo: seo(
        'Medication-Assisted Treatment (MAT) | California Detox',
        'MAT uses FDA-approved medications for alcohol and opioid use disorders. It works best alongside behavioral treatment such as CBT.',
      ),
    },
    {
      name: 'Family therapy',
      slug: 'family-therapy',
      summary:
        'Family therapy helps you and your family start repairing relationships affected by substance use, communicate better and work through conflict with the help of a neutral therapist.',
      body: `## What family therapy is

Family therapy in an intensive outpatient program (IOP) helps you start repairing relationships damaged by the effects of substance use.

## How it helps

You work on your communication skills, and a therapist acts as a neutral intermediary who can help you resolve conflict more effectively as a family unit.`,
      benefits: items(
        'Starting to repair relationships damaged by substance use',
        'Improving communication skills',
        'A neutral intermediary to help resolve conflict',
        'Resolving conflict more effectively as a family unit',
      ),
      category: 'family',
      conditions: ['alcohol-use-disorder', 'substance-use-disorder'],
      seo: seo(
        'Family Therapy | California Detox',
        'Family therapy helps you start repairing relationships damaged by substance use, improve communication and resolve conflict as a family.',
      ),
    },
    {
      name: 'Medication management',
      slug: 'medication-management',
      summary:
        'Medication management is the ongoing care of any medications in your treatment plan for addiction or mental health: prescribing them, checking how they work and adjusting them when needed.',
      body: `## What medication management is

Medication management is the ongoing care of any medications in your treatment plan. A medical provider prescribes them, checks how they are working and adjusts them when needed.

## Where it fits

- In an intensive outpatient program (IOP), the treatment team can draw on [medication-assisted treatment (MAT)](/treatments/medication-assisted-treatment/) and medication management, for substance use and for mental health.
- A partial hospitalization program (PHP) places more focus than an IOP on the active monitoring and supervision of symptoms and medications.
- During [medical detox](/programs/medical-detox/), FDA-approved medications help manage cravings and withdrawal.`,
      category: 'medication',
      conditions: [
        'alcohol-use-disorder',
        'substance-use-disorder',
        'mental-health-disorders',
        'co-occurring-disorders',
      ],
      seo: seo(
        'Medication Management | California Detox',
        'Medication management is the ongoing care of the medications in your treatment plan for addiction or mental health, alongside therapy.',
      ),
    },
  ],

  conditions: [
    {
      name: 'Alcohol use disorder',
      slug: 'alcohol-use-disorder',
      summary:
        'Alcohol use disorder, often called alcoholism, is an addiction to alcohol. California Detox offers supervised medical detox and inpatient rehab for alcohol use disorder.',
      body: `## Treatment for alcohol use disorder

California Detox offers inpatient rehab for alcoholism (alcohol use disorder). Treatment can start with our supervised [medical detox](/programs/medical-detox/) program, which helps you detox from alcohol comfortably and safely, with access to FDA-approved medications and continuous clinical and emotional care.

## Medication-assisted treatment

Alcohol use disorders respond positively to [medication-assisted treatment (MAT)](/treatments/medication-assisted-treatment/), which is most effective alongside behavioral interventions like [cognitive behavioral therapy (CBT)](/treatments/cognitive-behavioral-therapy/).

## Intensive outpatient programs

[Intensive outpatient programs (IOPs)](/programs/intensive-outpatient-program/) are ideal for people with mild to moderate alcohol use disorders who do not need residential rehab. California Detox does not offer IOP at its facility, but we have connections in the Orange County area that can help.`,
      seo: seo(
        'Alcohol Use Disorder Treatment | California Detox',
        'Supervised medical detox and inpatient rehab for alcohol use disorder (alcoholism) in Laguna Beach, CA, and help finding an IOP in Orange County.',
      ),
    },
    {
      name: 'Substance use disorder',
      slug: 'substance-use-disorder',
      summary:
        'Substance use disorder is the clinical term for drug addiction. California Detox offers supervised medical detox and inpatient rehab for substance use disorder.',
      body: `## Treatment for substance use disorder

California Detox offers inpatient rehab for drug addiction (substance use disorder). Our supervised [medical detox](/programs/medical-detox/) program helps you detox from drugs comfortably and safely, with access to FDA-approved medications to help manage cravings and withdrawal.

## Therapies

Most intensive outpatient programs for substance use disorder personalize treatment, drawing from:

- [group therapy](/treatments/group-therapy/)
- [individual therapy](/treatments/individual-therapy/)
- [psychotherapy](/treatments/psychotherapy/), such as [CBT](/treatments/cognitive-behavioral-therapy/)
- [medication-assisted treatment (MAT)](/treatments/medication-assisted-treatment/) and [medication management](/treatments/medication-management/)
- [family therapy](/treatments/family-therapy/)

Opioid use disorders, like alcohol use disorders, respond positively to MAT.

## Intensive outpatient programs

[Intensive outpatient programs (IOPs)](/programs/intensive-outpatient-program/) are ideal for people with mild to moderate substance use disorders who do not need residential rehab. California Detox does not offer IOP at its facility, but we have connections in the Orange County area that can help.`,
      seo: seo(
        'Substance Use Disorder Treatment | California Detox',
        'Supervised medical detox and inpatient rehab for drug addiction (substance use disorder) in Laguna Beach, CA, and the therapies used in treatment.',
      ),
    },
    {
      name: 'Mental health disorders',
      slug: 'mental-health-disorders',
      summary:
        'Mental health disorders, such as depression, anxiety and PTSD, can occur on their own or alongside an addiction. California Detox offers inpatient rehab for mental health disorders.',
      body: `## Treatment for mental health disorders

California Detox offers inpatient rehab for mental health disorders, and for [co-occurring disorders](/conditions/co-occurring-disorders/), where a mental health condition such as depression, anxiety or PTSD (post-traumatic stress disorder) occurs alongside an addiction.

## Mental health intensive outpatient programs

A mental health [intensive outpatient program (IOP)](/programs/intensive-outpatient-program/) is designed to provide a balance of structure and support to improve daily functioning. You can address immediate problems while developing skills for your ongoing recovery. Expect to attend sessions for three hours weekly on three weekdays, which leaves time for your personal and professional commitments.

A mental health IOP may include:

- evidence-based treatment
- sessions of [CBT](/treatments/cognitive-behavioral-therapy/) or [DBT](/treatments/dialectical-behavior-therapy/)
- intense, structured psychoeducation
- group and individual counseling
- [medication-assisted treatment (MAT)](/treatments/medication-assisted-treatment/) and [medication management](/treatments/medication-management/)
- substance use and addiction management education
- lectures on mental health

It is more flexible than residential rehab but more intense than a traditional outpatient program. California Detox does not offer IOP at its facility, but we have connections in the Orange County area that can help.`,
      seo: seo(
        'Mental Health Disorder Treatment | California Detox',
        'Inpatient rehab for mental health disorders such as depression, anxiety and PTSD in Laguna Beach, CA, and what a mental health IOP involves.',
      ),
    },
    {
      name: 'Co-occurring disorders',
      slug: 'co-occurring-disorders',
      summary:
        'A co-occurring disorder, also known as dual diagnosis, is an addiction and a mental health condition, such as depression, anxiety or PTSD, present at the same time.',
      body: `## What a co-occurring disorder is

A co-occurring disorder, also known as dual diagnosis, involves an addiction and a mental health condition, such as depression, anxiety or PTSD (post-traumatic stress disorder), present at the same time.

## How common it is

Data from NAMI (National Alliance on Mental Illness) show that 17 million U.S. adults experienced co-occurring disorders in 2020.

## Treatment

California Detox offers inpatient rehab for co-occurring disorders. Outside of residential rehab, a mental health [intensive outpatient program (IOP)](/programs/intensive-outpatient-program/) can help, with group and individual counseling, sessions of [CBT](/treatments/cognitive-behavioral-therapy/) or [DBT](/treatments/dialectical-behavior-therapy/), [medication-assisted treatment (MAT)](/treatments/medication-assisted-treatment/), [medication management](/treatments/medication-management/) and substance use education.`,
      sources: [NAMI_BY_THE_NUMBERS],
      seo: seo(
        'Co-Occurring Disorders (Dual Diagnosis) | California Detox',
        'A co-occurring disorder, or dual diagnosis, is an addiction and a mental health condition at the same time. Inpatient rehab in Laguna Beach, CA.',
      ),
    },
  ],

  faqs: [
    // about-iop
    {
      question: 'What are the levels of care in addiction treatment?',
      slug: LEVELS_FAQ,
      topic: 'about-iop',
      order: 10,
      answer: `The American Society of Addiction Medicine (ASAM) describes addiction treatment as a continuum of care, from least to most intensive:

1. Prevention and early intervention
2. Outpatient programs
3. Intensive outpatient programs (IOP) and partial hospitalization programs (PHP)
4. Inpatient treatment (residential rehab)
5. Medically managed residential rehab

When your dependency calls for it, [medical detox](/programs/medical-detox/) helps you withdraw safely first. See [all levels of care](/programs/) or [compare them side by side](/compare/).`,
      sources: [ASAM_CRITERIA],
    },
    {
      question: 'What does an intensive outpatient program help with?',
      slug: 'what-does-an-intensive-outpatient-program-help-with',
      topic: 'about-iop',
      order: 20,
      answer: `An intensive outpatient program (IOP) is meant to help you:

- learn coping strategies
- build a sober support system
- focus on relapse prevention and management

You can join an IOP on its own, or as a step down from a more intensive form of addiction or mental health treatment.`,
    },
    {
      question: 'What is the difference between IOP and PHP?',
      slug: 'what-is-the-difference-between-iop-and-php',
      topic: 'about-iop',
      order: 30,
      answer: `An IOP is not better or worse than a PHP (partial hospitalization program). The two are similar except for the time commitment:

- Most IOPs schedule 3 to 4 hours of therapy sessions on three to five weekdays.
- Most PHPs schedule 5 to 6 hours of therapy sessions on all five weekdays.

An IOP gives more support and structure than traditional outpatient treatment, but less than a PHP. An IOP places more focus on group counseling, and less on the active monitoring and supervision of symptoms or medications.`,
    },
    {
      question: 'What is the difference between IOP and inpatient rehab?',
      slug: 'what-is-the-difference-between-iop-and-inpatient-rehab',
      topic: 'about-iop',
      order: 40,
      answer: `With inpatient treatment (residential rehab), you stay at the facility from detox to discharge. With an intensive outpatient program (IOP), you return home between scheduled therapy sessions at a treatment center, so you can keep up with your everyday commitments.

IOPs are intended for dependencies that do not call for medical detox or around-the-clock supervision. They are ideal for people who do not need residential rehab, including people with mild to moderate alcohol or substance use disorders.`,
    },
    {
      question: 'Who is an intensive outpatient program right for?',
      slug: 'who-is-an-intensive-outpatient-program-right-for',
      topic: 'about-iop',
      order: 50,
      answer: `An intensive outpatient program (IOP) may suit you if:

- your dependency does not call for medical detox or around-the-clock supervision
- you do not need residential rehab
- you have a mild to moderate alcohol or substance use disorder
- you are stepping down from a more intensive form of addiction or mental health treatment
- you want to keep up with work, family and other everyday commitments

Our admissions team can help you work out which level of care fits. Call [(949) 694-8305](tel:+19496948305).`,
    },
    {
      question: 'Is virtual IOP available?',
      slug: 'is-virtual-iop-available',
      topic: 'about-iop',
      order: 60,
      answer: `Increasingly, drug and alcohol treatment programs offer virtual IOPs. In a virtual IOP, you take part in psychotherapy and counseling by video call instead of attending face-to-face sessions.

Ask our admissions team about the options open to you: call [(949) 694-8305](tel:+19496948305).`,
    },
    {
      question: 'What is a co-occurring disorder?',
      slug: 'what-is-a-co-occurring-disorder',
      topic: 'about-iop',
      order: 70,
      answer: `A co-occurring disorder, also known as dual diagnosis, is when an addiction and a mental health condition, such as depression, anxiety or PTSD (post-traumatic stress disorder), are present at the same time. Data from NAMI (National Alliance on Mental Illness) show that 17 million U.S. adults experienced co-occurring disorders in 2020.

California Detox offers inpatient rehab for co-occurring disorders. Read more about [co-occurring disorders](/conditions/co-occurring-disorders/).`,
      sources: [NAMI_BY_THE_NUMBERS],
    },

    // schedule-and-time
    {
      question: 'How many hours a week is an intensive outpatient program?',
      slug: 'how-many-hours-a-week-is-an-intensive-outpatient-program',
      topic: 'schedule-and-time',
      order: 10,
      answer: `Programs vary from one treatment center to another, but an intensive outpatient program (IOP) typically involves 12 to 15 hours of therapy sessions a week, including individual and group sessions.

A mental health IOP has a different schedule: expect sessions for three hours weekly on three weekdays.`,
    },
    {
      question: 'How many days a week and how many hours a day is IOP?',
      slug: 'how-many-days-a-week-and-hours-a-day-is-iop',
      topic: 'schedule-and-time',
      order: 20,
      answer: `Most intensive outpatient programs (IOPs) schedule 3 to 4 hours of therapy sessions on three to five weekdays.

For comparison, most partial hospitalization programs (PHPs) schedule 5 to 6 hours of therapy sessions on all five weekdays.`,
    },
    {
      question: 'How many weeks does an intensive outpatient program last?',
      slug: 'how-many-weeks-does-an-intensive-outpatient-program-last',
      topic: 'schedule-and-time',
      order: 30,
      answer: `Intensive outpatient treatment lasts from 12 to 16 weeks. After that, you can step down to a standard outpatient program or move back into sober living.`,
    },
    {
      question: 'What is the schedule for a mental health IOP?',
      slug: 'what-is-the-schedule-for-a-mental-health-iop',
      topic: 'schedule-and-time',
      order: 40,
      answer: `If you join a mental health intensive outpatient program (IOP), expect to attend sessions for three hours weekly on three weekdays. This allows time to improve your mental health while still meeting your personal and professional commitments.`,
    },
    {
      question: 'How long does medical detox take?',
      slug: 'how-long-does-medical-detox-take',
      topic: 'schedule-and-time',
      order: 50,
      answer: `At California Detox, after a week or so, with physical dependence addressed, you will be ready to move into the next phase of treatment, such as [inpatient rehab](/programs/residential-treatment/) or an [intensive outpatient program](/programs/intensive-outpatient-program/). The time it takes varies from person to person.`,
    },

    // therapies
    {
      question: 'What therapies are used in an intensive outpatient program?',
      slug: 'what-therapies-are-used-in-an-intensive-outpatient-program',
      topic: 'therapies',
      order: 10,
      answer: `Most intensive outpatient programs (IOPs) for substance use disorder personalize treatment, drawing from:

- [group therapy](/treatments/group-therapy/)
- [individual therapy](/treatments/individual-therapy/)
- [psychotherapy](/treatments/psychotherapy/) (talk therapy)
- [medication-assisted treatment (MAT)](/treatments/medication-assisted-treatment/) and [medication management](/treatments/medication-management/)
- [family therapy](/treatments/family-therapy/)

A mental health IOP can also include sessions of [CBT](/treatments/cognitive-behavioral-therapy/) or [DBT](/treatments/dialectical-behavior-therapy/), structured psychoeducation and lectures on mental health.`,
    },
    {
      question: 'How big are IOP therapy groups?',
      slug: 'how-big-are-iop-therapy-groups',
      topic: 'therapies',
      order: 20,
      answer: `Groups in intensive outpatient programs (IOPs) usually contain from 8 to 15 people, according to SAMHSA (Substance Abuse and Mental Health Services Administration). [Group therapy](/treatments/group-therapy/) is central to most IOPs.`,
      sources: [SAMHSA_TIP_47],
    },
    {
      question: 'Do I have to join a peer support group?',
      slug: 'do-i-have-to-join-a-peer-support-group',
      topic: 'therapies',
      order: 30,
      answer: `Usually not. Many intensive outpatient programs encourage you to take part in a peer support group, but this is not usually mandatory.`,
    },

    // medication
    {
      question: 'What is medication-assisted treatment (MAT)?',
      slug: 'what-is-medication-assisted-treatment-mat',
      topic: 'medication',
      order: 10,
      answer: `Medication-assisted treatment (MAT) uses FDA-approved medications to treat alcohol use disorders and opioid use disorders, which respond positively to it. Several of these medications can help streamline detoxification and promote ongoing abstinence.

MAT is most effective when delivered alongside behavioral interventions like [cognitive behavioral therapy (CBT)](/treatments/cognitive-behavioral-therapy/). [Read more about MAT](/treatments/medication-assisted-treatment/).`,
    },
    {
      question: 'Does IOP include medication-assisted treatment?',
      slug: 'does-iop-include-medication-assisted-treatment',
      topic: 'medication',
      order: 20,
      answer: `It can. An intensive outpatient program (IOP) treatment team draws from several approaches, including MAT and medication management, to personalize your treatment plan. A mental health IOP can include them too.

Compared with a partial hospitalization program (PHP), an IOP places less focus on the active monitoring and supervision of symptoms or medications.`,
    },

    // getting-started
    {
      question: 'What happens at the initial assessment?',
      slug: 'what-happens-at-the-initial-assessment',
      topic: 'getting-started',
      order: 10,
      answer: `An initial assessment involves screening questions and a physical exam. Based on what it finds, the treatment team can personalize a treatment plan for you.`,
    },
    {
      question: 'Does California Detox offer IOP on site?',
      slug: 'does-california-detox-offer-iop-on-site',
      topic: 'getting-started',
      order: 20,
      answer: `No. California Detox does not offer IOP at its facility.

If an intensive outpatient program is the right path for you, we can first help you detox from drugs or alcohol comfortably and safely in our supervised [medical detox](/programs/medical-detox/) program. After a week or so, with physical dependence addressed, you will be ready to transition into an IOP, and we have connections in the Orange County area that can help you with that next phase.

Call [(949) 694-8305](tel:+19496948305) to talk it through.`,
    },

    // after-treatment
    {
      question: 'What happens after an intensive outpatient program?',
      slug: 'what-happens-after-an-intensive-outpatient-program',
      topic: 'after-treatment',
      order: 10,
      answer: `After 12 to 16 weeks of intensive outpatient treatment, you can step down to a regular [outpatient program](/programs/outpatient-program/) if you are not ready to maintain your recovery without assistance, or move back into sober living.

Good intensive outpatient programs include aftercare, with:

- relapse prevention and management strategies
- ongoing therapy
- access to an alumni program`,
    },
    {
      question: 'What happens after treatment at California Detox?',
      slug: 'what-happens-after-treatment-at-california-detox',
      topic: 'after-treatment',
      order: 20,
      answer: `When you complete your treatment at California Detox, you can step down to a less intensive form of addiction care, such as an intensive outpatient program (IOP), or transition into daily living.

We don't offer IOP at our facility, but we have connections in the Orange County area that can help you with the next phase of your recovery.`,
    },
  ],
};
