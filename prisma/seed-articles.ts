import type { CurrencyCode } from "@/lib/money";

export interface SeedArticle {
  slug: string; // kebab-case, unique
  title: string;
  summary: string; // one sentence, <= 200 chars, shown on cards and to HandCash as the product description
  preview: string; // Markdown: the free opening, 2-3 paragraphs
  body: string; // Markdown: the premium remainder, 6-9 paragraphs, with at least one "## " subheading, and a list or blockquote
  priceAmount: number; // integer minor units (cents; for BSV satoshis)
  currency: CurrencyCode; // "USD" | "EUR" | "GBP" | "BSV"
  publishedDaysAgo: number;
}

export const SEED_ARTICLES: SeedArticle[] = [
  {
    slug: "arithmetic-of-the-small-payment",
    title: "The Arithmetic of the Small Payment",
    summary:
      "Why asking readers for a couple of dollars per essay works better than the old objections predicted, and what a writer actually gives up by selling one piece at a time.",
    preview: `For most of the life of the web, the word "micropayments" has been a kind of punchline. Every few years someone announces that readers will soon pay a few cents per article, the plumbing is built, a handful of enthusiasts sign up, and the whole thing quietly folds. The lesson most publishers drew was simple: people will not pay for writing in small amounts, so sell them a subscription or sell their attention to advertisers.

I believed that for a long time. I ran a free newsletter for six years, and when I finally put a price on it I did what everyone told me to do: a monthly plan, an annual plan at a discount, and a generous free tier to keep the list growing. It worked, in the sense that it paid for some of my rent. It also turned every piece I wrote into a small argument for renewal, and it asked readers who liked one essay to commit to a year of essays they had not read yet.

So, somewhat reluctantly, I tried the thing everyone said could not work. I started selling essays one at a time, for about the price of a coffee, with the first few paragraphs free. What follows is what I learned about the arithmetic, some of which surprised me and some of which confirmed the old objections more than I would like.`,
    body: `The number that changed my mind was not a price but a ratio: roughly one in nine readers who reached the end of a free preview paid to keep reading. That figure comes from eighteen months of my own sales, and it deserves every caveat a sample of one writer can carry. My readers are not typical, my subjects are narrow, and the people who find their way to a paid essay have usually been sent there by someone who already liked it. Still, the newsletters I know well convert somewhere between one and three percent of their free audience into paying subscribers. Even allowing for a generous margin of self-deception, per-piece payment was doing something a subscription was not.

## The cost that is not on the receipt

The old case against micropayments was never really about money. Nick Szabo's phrase for the problem was "mental transaction costs": the small but real effort of deciding whether something is worth paying for. A subscription asks a heavy question once. Do I want this writer in my life for the next year? A per-article price asks a light question many times. Do I want the next four thousand words of this particular thing?

The critics assumed the light question, repeated, would be more exhausting than the heavy one asked once. What they underestimated is how much easier a question becomes when the reader is already three paragraphs in and curious. The preview does most of the deciding. By the time the price appears, the reader is not evaluating a writer or a brand; they are evaluating whether they want to know how the story ends. In practice, the things that lowered that cost for my readers were mundane:

- A price shown before the reader starts, not sprung on them at the cut.
- Payment that takes one tap and no form, with no account to create first.
- A preview long enough to be a fair sample, ending at a natural pause rather than mid-sentence.
- No recurring obligation, so the purchase carries no future guilt and nothing to cancel.

## What the writer gives up

Predictability, mostly. A subscription business has a number that goes up or down slowly, and you can plan a year around it. Per-piece income arrives in lumps. A strong essay in a good week can earn more than a quiet month; a piece I was proud of can sell forty copies and vanish. I have learned to keep a larger cash buffer than I used to, and to stop reading the sales page every morning.

There is also a fair worry about incentives. If every essay has to sell itself, will writers drift toward provocative headlines and thin previews designed to trap the curious? Some will. But the mechanics punish it quickly. A misleading headline sells one copy and loses a reader, and the readers who pay per piece are, in my experience, unusually quick to notice when they have been had. The preview is a promise, and the honest ones are the ones that compound.

> A reader who pays for one piece is telling you something a subscriber never quite does: that this particular thing, and not your general existence, was worth it.

That signal is the part I did not expect to value. Subscription revenue told me whether people liked me. Per-piece revenue told me which work they liked, and it was not always the work I would have guessed.

## Where the arithmetic lands

None of this was possible a decade ago for a plain reason: fees. A card network charging a fixed thirty cents plus a percentage eats a third of a one-dollar sale before anyone else takes a cut. Payment systems built around wallets, where fees are a fraction of a cent, change the floor entirely. At a couple of dollars an essay, I keep nearly all of it.

I do not think per-piece payment will replace subscriptions, and I would not want it to. Some writers are best read as a habit, and some readers want the habit. But for work that is occasional, specific, and long, the small payment turns out to be not a failed idea but an early one, waiting for the costs to fall below the point where a reader could shrug and say yes.`,
    priceAmount: 250,
    currency: "USD",
    publishedDaysAgo: 2,
  },
  {
    slug: "the-starter-that-came-over-the-hill",
    title: "The Starter That Came Over the Hill",
    summary:
      "A small-town bakery has kept the same sourdough culture alive for more than sixty years, and a notebook in a biscuit tin records everyone who ever carried a piece of it away.",
    preview: `The bakery opens at six, but the work starts at half past two, when Hélène Gaspard lets herself in through the yard door and turns on a single light over the bench. Before she weighs any flour or lights the oven, she lifts the lid on a glazed earthenware crock and looks at what is inside. It is a pale, sour-smelling paste, slightly domed, freckled with bubbles. In the family it has always been called la mère, the mother, and nobody alive can remember a morning when it was not there.

The town has about four thousand people and one bakery worth crossing the square for. It sits on a slope above the river, in a building that was a saddler's shop before the war, and it has been run by the same family for three generations. Hélène's grandfather bought it in 1958 with money from selling a field. He was not trained as a baker. What he had, according to family lore, was a borrowed starter and a stubbornness that the town still talks about.

I came to write about the bread, which is very good: a dark, blistered country loaf with a crumb that holds a smear of butter in its holes. I stayed to write about the starter, because the longer I spent in that kitchen the clearer it became that the crock on the bench is less an ingredient than a genealogy.`,
    body: `The notebook lives in a biscuit tin on the shelf above the proofing cabinet, and its first entry is dated the fourteenth of March, 1961. It is a school exercise book with a green cover, later supplemented by two more and a loose sheaf of index cards. Each entry records the same thing: a date, a name, a town, and occasionally a short note. Someone had come to the bakery and asked for a piece of the mother, and someone in the family had given it to them, wrapped in greaseproof paper or spooned into a jar they had brought. Hélène's grandfather started the habit; her mother kept it up; Hélène has never missed one. There are, by her count, a little over four hundred entries.

## Where it came from

The family story is that the starter came over the hill on foot. In the winter of 1958, the grandfather's first attempts at bread were dense and grey, and a farmer's widow in the next valley, who still baked for her household in a wood oven, sent him a lump of her own dough in a cloth. She told him to feed it flour and water twice a day and never let it get cold. He carried it home inside his coat.

Whether the culture in the crock today has anything in common, microbially, with the lump in the widow's cloth is a genuinely open question, and Hélène is cheerfully unsentimental about it. Starters are living communities of wild yeasts and lactic acid bacteria, and their membership shifts with the flour, the water, the temperature of the room, and the hands that work them. Researchers who gave identical ingredients to bakers in several countries and asked each to build a starter from scratch found the results differed noticeably, and that some of the difference tracked the microbes on the bakers' own skin. "So it is probably mostly me by now," Hélène said, stirring. "And the flour from the mill at Bertrix. And this room. My grandfather would be offended."

## What the notebook records

Reading the entries in order is like reading a slow map of how bread travels. The early pages are almost all local: neighbours, a cousin, a baker's apprentice who later opened his own shop two towns over. In the 1970s the names start coming from further away. A note from 1983 says only "the Dutch couple with the caravan, very polite." By the 2010s there are visitors from Montreal, Osaka, and Cape Town, several of whom had read about the bakery online and made a detour to ask. Some entries carry instructions that the family clearly felt obliged to repeat:

- Feed it the same day you get home, even if it is late.
- Use the flour you intend to bake with, not whatever is cheapest.
- If it smells of nail varnish it is hungry, not dead.
- Do not put it in a metal bowl; nobody remembers why, but nobody has risked it.

A few of the recipients have written back over the years, and their letters are tucked between the pages. One, from a retired teacher in Lyon, reports that her piece of the mother has now been divided among her three children and a neighbour. Hélène has started a second section at the back of the newest book for these grandchildren of the starter, though she admits she cannot keep track of them all.

## Why keep it at all

It would be easy to dismiss all of this as folklore, the bakery equivalent of a family Bible. Any competent baker can raise a vigorous starter from flour and water in a week or two. The crock on the bench does not make bread that a newer culture could not.

But that misses what the notebook is for. It is not proof of an unbroken microbial line; it is a record of a habit of generosity that has outlasted the person who began it. Every entry is a moment when someone walked into a small bakery, asked for something that could not be bought, and was given it for nothing.

> "You cannot sell the mother," her grandfather used to say. "You can only lend it to people and hope they feed it."

At half past three, the dough for the morning's loaves is mixed and resting. Hélène takes a spoonful of the mother, stirs it into a fresh jar of flour and water, and sets it aside. Someone always asks before the end of the week.`,
    priceAmount: 199,
    currency: "EUR",
    publishedDaysAgo: 6,
  },
  {
    slug: "what-the-keepers-wrote-down",
    title: "What the Keepers Wrote Down",
    summary:
      "Lighthouse keepers logged the weather, the lamp and the passing ships every night for more than a century, and their plain, dutiful records turn out to be an archive of extraordinary value.",
    preview: `For a hundred and fifty years, on rocks and headlands around the coast of Britain, a small number of men spent every night doing the same handful of things. They lit the lamp at sunset. They wound the clockwork that turned the lens. They trimmed wicks, later tended paraffin burners, and watched for fog. And at fixed intervals, whatever else was happening, they wrote down what they saw.

The logbooks that resulted are among the dullest documents ever produced by a government service. Page after page records wind direction, the state of the sea, the hour the light was lit and the hour it was put out. There are columns for barometer readings and for the number of hours the fog signal sounded. Sometimes there is a line about a relief boat that could not land, or a supply of oil that arrived short. Very rarely, there is anything that could be called a story.

I spent the better part of a winter reading them, in record offices and in the photocopied bundles that local historians pass to one another, and I came away convinced that their dullness is exactly what makes them precious.`,
    body: `The entry that stopped me was written in pencil on the night of a January gale, and it read in full: "Light burning well. Glass cracked in lantern, west side. Wind rising." There was nothing after it for six hours. The next line, in the same hand, noted that the wind had backed to the south-west, that the crack had been covered with a canvas patch and a board, and that the light had been "kept in throughout." That was all. No mention of what it was like to climb onto the gallery of a tower in a storm to nail a board over a breaking pane of glass, twenty or thirty metres above the sea, in the dark. The log was not for that. The log was to show that the light had not gone out.

## The discipline of the entry

Keepers were trained to write as if every entry might be read by an inspector, because it might. The lighthouse authorities ran their stations on rules, and the logbook was how rules were shown to have been followed. A typical night's record would include some version of the following:

- The time the light was lit and the time it was extinguished.
- Wind direction and force, and the state of the weather, at set hours.
- Barometer and thermometer readings, where the station had instruments.
- Hours of fog, and how long the fog signal was sounded.
- Anything unusual: damage, illness, vessels in distress, stores received.

The result is a record that is almost aggressively uninteresting to read and astonishingly consistent. The same observation, at the same place, at the same hour, by people whose job depended on recording it faithfully, repeated every night for decades.

## An accidental weather archive

That consistency is what makes the logs useful now. Historical climate researchers have spent years recovering weather observations from old ships' logs, transcribing millions of entries to fill gaps in the record before modern instruments covered the oceans. Lighthouse logs offer something similar on the margin between land and sea: fixed stations, regular hours, and observers with every reason to be accurate. A run of wind and pressure readings from an isolated rock can help pin down the track of a storm that no inland station saw clearly.

They are also, read carefully, a record of the people. Handwriting changes when a keeper is transferred. Entries grow terse during long spells of bad weather when relief boats could not land and the same three men had been together for weeks. Occasionally a keeper's personality slips through a gap in the form: a note about a bird that had flown into the lantern, a line recording the first swallow of spring, a dry observation that the new oil "smokes worse than the last."

## The mystery that was not in the log

Any account of lighthouse records has to reckon with the Flannan Isles. In December 1900, the three keepers on Eilean Mòr, west of Lewis, disappeared, and the relief party found the station empty. The story has been retold for more than a century, usually with a set of haunting log entries describing a terrible storm, a keeper weeping, and a final line: "God is over all."

Those entries do not appear in the official record of the inquiry, and they seem to have been invented long after the event. The surviving documents are much plainer. The best-supported explanation is that the men were swept away by an unusually large wave while securing equipment on the west landing. What interests me is how badly people wanted the log to say more than it did. We expect a record kept on a lonely rock to contain a confession, a premonition, a last message. The real logs almost never do.

> The log was not written to be read. It was written to prove that the light had not gone out.

The last British lighthouse to be automated lost its keepers in 1998, and with them went the nightly entry. The lamps are now monitored remotely, and their records are kept by machines that do not note the first swallow of spring. The old books sit in archives, waiting for someone patient enough to read them in order, one uneventful night after another, until the pattern of a whole working life comes into view.`,
    priceAmount: 300,
    currency: "GBP",
    publishedDaysAgo: 11,
  },
  {
    slug: "bringing-back-a-stopped-watch",
    title: "Bringing Back a Stopped Watch",
    summary:
      "A practical account of opening, cleaning and reviving a hand-wound wristwatch from the 1960s, written for the patient amateur who wants to know what is actually inside.",
    preview: `My grandfather's watch had not run since before I was born. It sat in a drawer in a worn leather box: a plain steel case, a cream dial gone faintly toasted at the edges, thin baton hands, and a crown that turned with a gritty reluctance and then stopped turning at all. A jeweller once offered to "send it away" for a sum that was more than the watch had cost new, adjusted for inflation, twice over.

I am not a watchmaker. I had never opened a watch case before I opened this one, and I made every beginner's mistake that it is possible to make in a space the size of a large coin. But over several months of evenings, with a secondhand set of tools and a great deal of reading, the watch came back. It now loses about eight seconds a day, which is not chronometer grade but is considerably better than not running.

This essay is not a substitute for proper training, and some watches should only ever be opened by a professional. But hand-wound movements from the middle of the last century are often simple, sturdy, and forgiving, and if you have one in a drawer, it may be worth understanding what is wrong with it before you decide it is beyond saving.`,
    body: `The mainspring came out of its barrel in one violent uncoiling that left a crescent of scratched brass on the bench and taught me a lesson I have never needed twice. That was the second week. The first week had been spent entirely on preparation, and I would do it the same way again. A mechanical watch is a stored spring driving a train of wheels, with the escapement and balance acting as a brake that lets the energy out in small, regular pulses. Almost every failure in an old watch is one of three things: the spring is tired or broken, the oil has turned to varnish and the wheels can no longer turn freely, or something delicate has been bent by a knock. Mine, as it turned out, was mostly the second.

## Tools, and the few that matter

You can spend a fortune on watchmaking tools. You do not need to, at least not at first. The ones I used on almost every evening were:

- A set of good screwdrivers with replaceable blades, dressed so they fit the screw slots exactly.
- Two pairs of fine brass or antimagnetic tweezers, because steel tweezers will eventually magnetise something.
- A loupe of around five times magnification, and later a second at ten.
- A plastic movement holder, a hand-held air blower, and a lump of Rodico putty for lifting dust and fingerprints.
- A parts tray with lids. Every small screw looks identical until you put it in the wrong hole.

Just as important is the surface: a clean, pale, matte bench mat, good light from the side, and no carpet within reach. Parts that fall from tweezers are not lost on a bare floor; they are lost forever in carpet.

## Taking it apart in the right order

The single most important step comes before anything is unscrewed. The mainspring must be let down, which means releasing its stored power gently through the click and ratchet wheel rather than letting it unwind through the train of wheels when the parts are loosened. I skipped this on the first attempt, on a cheap practice movement I had bought for the purpose, and was lucky to only bend a pivot. Once the power is down, the usual order is hands, dial, then the balance and its cock, then the pallet fork, and only then the bridges that hold the wheels and the barrel.

Photograph everything. Before each screw comes out, take a picture; after each part comes off, take another. Watch movements of this age were made in enormous numbers, and service diagrams for many of them are available, but nothing beats a record of how your particular example looked before you disturbed it.

## Cleaning, and the fear of oil

The old oil in my grandfather's watch had become a brown, tacky film around every jewel. It was the reason the crown felt gritty and the reason the balance would swing once and stop. Everything except the balance and hairspring went into a cleaning solution, then a rinse, then was dried with warm air. The balance assembly I cleaned separately and with great caution, because the hairspring is the part you must not bend. A hairspring that has been nudged out of flat will make a watch run wildly fast or not at all, and straightening one is a job for people with years of practice.

Oiling is where most amateurs, including me, do more harm than good. The instinct is to use too much. A watch needs astonishingly little: a drop on each pivot jewel that fills perhaps half the jewel's cup, applied with an oiler the thickness of a fine needle. Too much oil spreads, attracts dust, and in a few years produces exactly the varnish you just spent an evening removing.

> If you can see the oil without a loupe, you have used too much.

Reassembly is the reverse of disassembly, with one addition: after each wheel goes in, check that the train spins freely with a puff of air before adding the next. When the balance went back in and the watch started to tick, for the first time in perhaps fifty years, I sat back from the bench and did not touch anything for several minutes. A timing app on a phone, listening through the microphone, told me the rest: a modest amplitude, a small beat error, and a rate I could bring close with the regulator. It is not perfect. It does not need to be. It runs, and it is on my wrist as I write this.`,
    priceAmount: 50000,
    currency: "BSV",
    publishedDaysAgo: 20,
  },
];
