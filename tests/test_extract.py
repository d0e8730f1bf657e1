"""Extraction on short passages written for the tests (Arabic and English)."""

import datetime as dt

import pytest

from incidents.extract import extract
from incidents.model import Article
from incidents.text import clean, content_hash

PUB = dt.date(2024, 1, 25)  # a Thursday


def run(text, gazetteer, published=PUB):
    text = clean(text)
    return extract(Article(text, content_hash(text), published=published), gazetteer)


def test_english_report_with_two_places_gives_two_incidents(gazetteer):
    found = run("US strikes hit Kataib Hezbollah sites in Jurf al-Sakhar and al-Qaim early Wednesday.", gazetteer)
    assert sorted(i.place.name for i in found) == ["Jurf al-Nasr", "al-Qaim"]
    assert {(i.incident_type, i.event_date, i.actor1, i.actor2) for i in found} == {
        ("airstrike", dt.date(2024, 1, 24), "US forces", "Kataib Hezbollah")}


def test_casualties_belong_to_the_place_they_follow(gazetteer):
    found = run("الضربات استهدفت مواقع في منطقتي جرف الصخر والقائم حيث سقط قتيلان على الأقل.", gazetteer)
    by_place = {i.place.name: i.fatalities for i in found}
    assert by_place == {"Jurf al-Nasr": None, "al-Qaim": 2}


@pytest.mark.parametrize("text, killed, injured", [
    ("قصفت طائرة مسيرة موقعا في القائم ما أسفر عن مقتل ثلاثة عناصر.", 3, None),
    ("قصفت طائرة مسيرة موقعا في القائم ما أسفر عن مقتل ٥ عناصر وإصابة اثنين.", 5, 2),
    ("سقط صاروخ على قاعدة عين الأسد دون وقوع إصابات.", 0, 0),
    ("قصف موقع في القائم وسقوط عشرات القتلى.", None, None),
    ("A drone strike in al-Qaim killed a militia commander.", 1, None),
    ("A drone strike in al-Qaim killed a senior official.", 1, None),
    ("قُتل منتسبان في هجوم على نقطة قرب القائم.", 2, None),  # a dual
    # "no one" is none, not one
    ("Rockets hit Ain al-Asad air base. An officer said no one had been killed.", 0, None),
    ("Rockets hit Ain al-Asad air base, wounding two contractors.", None, 2),
    # a figure after "and" or a comma is not the object of the casualty word before it
    ("A US soldier was killed and five US service members and a contractor were wounded when a drone hit "
     "a base near Hasakah.", 1, 5),
    # و opens a new clause: the two were killed, not wounded; "وجرح آخر" is one more
    ("انفجرت عبوة ناسفة في الطارمية ما أسفر عن استشهاد جنديين اثنين وجرح آخر.", 2, 1),
    ("ارتقى ثلاثة وعشرون شهيداً وأصيب خمسة عشر آخرون بهجوم في بادية الميادين.", 23, 15),  # compound numbers
    ("Gunmen attacked a checkpoint in Kirkuk on Sunday. One member of the security forces was lightly wounded.",
     None, 1),
    # the day of a dateline is no figure; "a third was wounded" is one
    ("RAMADI, Iraq, Sept 14 – Two Iraqi soldiers were killed and a third was wounded when militants attacked an "
     "army post near the town of Anah late on Monday.", 2, 1),
    # a passive figure may be far from its verb: "Three members of the PKK who were inside … were killed"
    ("A Turkish drone struck a pickup truck near Qaladiza on Sunday. Three members of the PKK who were inside the "
     "vehicle were killed.", 3, None),
    # numbers of one casualty phrase add up; another casualty word starts another figure
    ("Rockets hit a base near Kirkuk, killing a contractor and wounding four soldiers and two Iraqi personnel.", 1, 6),
    ("Rockets hit a base near Kirkuk, killing four and wounding two.", 4, 2),
    # "more than N" is a bound, not a count ("at least N" is N)
    ("قتل ٧٠ شخصاً على الأقل وأصيب أكثر من ١٠٠ آخرين بجروح أمس في تفجيرين في مدينة الصدر.", 70, None),
    ("A car bomb killed at least 12 people and wounded more than 60 in Kirkuk on Monday.", 12, None),
    # the figure a toll rose to
    ("ارتفعت حصيلة ضحايا الهجوم على مدينة كوباني فجر أمس الخميس إلى ١٤٥ مدنياً.", 145, None),
    ("ارتفع عدد قتلى الغارات على مدينة دوما أمس إلى 112 شخصاً على الأقل.", 112, None),
    ("The death toll from Thursday's bombing in Kobani rose to 145.", 145, None),
    # "إصابات" denied is casualties of any kind
    ("أسقطت الدفاعات الجوية في قاعدة حميميم مساء أمس ثلاث طائرات مسيرة، من دون أن يسفر الهجوم عن أي إصابات أو "
     "أضرار.", 0, 0),
    # only material damage: no one hurt
    ("تعرضت قرية قرب العمادية ظهر اليوم لقصف مدفعي تركي اقتصرت أضراره على الماديات.", 0, 0),
    ("Missiles struck a site near Qatana at dawn; the losses were limited to material damage.", 0, 0),
    # a negation before a casualty word is a zero, unless a figure is only not known yet
    ("سقط صاروخان أمس داخل قاعدة عين الأسد من دون أن يسفرا عن أي خسائر بشرية.", 0, 0),
    ("انفجرت عبوة ناسفة أمس قرب جلولاء ما أدى إلى إصابة سائق بجروح، من دون وقوع قتلى.", 0, 1),
    ("Two rockets hit Ain al-Asad on Friday. Neither rocket caused any casualties.", 0, 0),
    ("Rockets hit Ain al-Asad on Friday; state media did not mention casualties.", None, None),
    ("سقطت قذائف أمس على بلدة تلكيف ولم يتضح عدد الضحايا.", None, None),
    # persons and numbers joined by و/and add up, before a passive too
    ("انفجرت عبوة ناسفة أمس قرب ناحية الرياض ما أدى إلى استشهاد ضابط برتبة ملازم أول وجندي، وإصابة ثلاثة آخرين.", 2, 3),
    ("اندلعت اشتباكات أمس في القرداحة وأسفرت عن مقتل عنصرين من الأمن العام وثلاثة من المسلحين، وإصابة ستة آخرين.", 5, 6),
    ("Two soldiers and one civilian interpreter were killed, and three other soldiers were wounded, when a gunman "
     "opened fire in Palmyra on Saturday.", 3, 3),
    # the number of one figure is not the next figure's across a clause break
    ("انفجرت عبوة ناسفة في الطارمية ما أسفر عن استشهاد جنديين اثنين، وإصابة ثالث بجروح طفيفة.", 2, 1),
    # one short word between a passive and its person
    ("هاجم مسلحون نقطة للشرطة في الطارمية، قتل خلاله شرطي وأصيب اثنان آخران.", 1, 2),
    # an amputation is one wounded
    ("A roadside bomb hit a car near Kirkuk on Monday, killing two men. A third man lost a leg.", 2, 1),
    # a monthly tally after an incident is no figure of it
    ("A rocket landed near the K1 base in Kirkuk on Monday. There were no casualties. "
     "Our monthly tally stands at 14 attacks, with 9 killed and 17 wounded.", 0, 0),
    # "no one" is nobody, for both figures
    ("Turkish artillery shelled farmland near Kani Masi on Monday. No one was killed or wounded, an official said.",
     0, 0),
])
def test_casualty_numbers(gazetteer, text, killed, injured):
    (inc,) = run(text, gazetteer)
    assert (inc.fatalities, inc.injured) == (killed, injured)


@pytest.mark.parametrize("text, expected", [
    # the second attack begins after a break and names its place after its figure
    ("Gunmen attacked an army checkpoint near Haqlaniyah late on Wednesday, killing two soldiers and wounding a "
     "third, a day after a roadside bomb wounded three members of a tribal force near al-Baghdadi on Tuesday.",
     [("clash", 2, 1), ("ied", None, 3)]),
    ("Four girls killed by drone strike near Hasakah; rocket fire kills 16 in al-Bab market",
     [("drone_strike", 4, None), ("rocket_attack", 16, None)]),
    # a headline: the bomb near Hit is not the means of the attack near Anah, and both stay
    ("Two soldiers killed in Islamic State attack near Anah; roadside bomb wounds three near Hit",
     [("other", 2, None), ("ied", None, 3)]),
    # each attack keeps the day told in its own part of the sentence (checked in the date test below)
    # one attack on two places: a figure told before both is not one place's
    ("Two civilians were killed when warplanes struck Tikrit and Samarra on Monday.", [("airstrike", None, None)] * 2),
])
def test_each_place_takes_the_figures_and_means_of_its_own_attack(gazetteer, text, expected):
    assert [(i.incident_type, i.fatalities, i.injured) for i in run(text, gazetteer)] == expected


@pytest.mark.parametrize("text, kind", [
    ("هجوم بطائرة مسيرة مفخخة على قاعدة عين الأسد.", "drone_attack"),
    ("انتحاريان يقتحمان فجر اليوم محطة كهرباء في ناحية دبس ويفجّران حزاميهما الناسفين.", "ied"),
    ("غارة أميركية بطائرة مسيرة في بغداد.", "drone_strike"),
    ("سقوط صواريخ كاتيوشا على قاعدة عين الأسد.", "rocket_attack"),
    ("صواريخ باليستية استهدفت قاعدة عين الأسد.", "missile_attack"),
    ("انفجار عبوة ناسفة في بغداد.", "ied"),
    ("اشتباكات مسلحة في القائم.", "clash"),
    ("قتل شخصان في نزاع عشائري مسلح اندلع أمس في قرية تابعة لقضاء المدينة شمالي البصرة.", "clash"),
    ("A one-way attack drone struck Ain al-Asad air base.", "drone_attack"),
    # an explosion is a bomb's only when no other means are named
    ("An explosion tore through a market in Kirkuk on Monday.", "ied"),
    ("استهدف قصف جوي مخزناً للسلاح في قضاء بلد ما أدى إلى انفجار كبير.", "airstrike"),
    ("Artillery shells hit Tal Tamr, causing a blast at a fuel depot.", "rocket_attack"),
    ("Shells struck a residential street and a market in Sarmin on Monday.", "rocket_attack"),
    # what a strike destroyed is not the means; commandos are on the ground
    ("Near Hajin, seven strikes engaged four ISIS tactical units and destroyed three fighting positions.", "airstrike"),
    ("Two rockets hit the Green Zone on Monday, officials said.", "rocket_attack"),
    ("Yesterday, U.S. forces at Mission Support Site Conoco came under rocket fire.", "rocket_attack"),
    ("The commandos flew in on helicopters to the al-Omar oil field on Saturday to capture an ISIS leader.", "clash"),
    ("Warplanes struck a market in Sarmin on Monday, shelling it for an hour.", "airstrike"),
    # grenades thrown alone are an explosive attack; thrown by gunmen who also fire, part of the fighting
    ("ألقى مجهولون قنبلة يدوية على منزل في حي الجمهورية بالبصرة أمس.", "ied"),
    ("Militants attacked a checkpoint near Jasim with machine guns and hand grenades on Thursday.", "clash"),
    # air raids in a campaign of shelling are air strikes
    ("قُتل ستة مدنيين أمس في غارات جوية على بلدة حمورية، في حملة قصف مستمرة.", "airstrike"),
    # violent confrontations are fighting (bare مواجهات may be sports fixtures)
    ("قُتل أربعة من عناصر الأمن أمس السبت في مواجهات عنيفة مع مسلحي داعش عند الأطراف الجنوبية لمدينة الفلوجة.", "clash"),
    # combat aircraft by designation strike from the air
    ("Iraqi F-16s hit an Islamic State hideout near Hawija on Tuesday, killing four militants.", "airstrike"),
    ("Russian Sukhoi jets pounded Maarat al-Numan on Tuesday.", "airstrike"),
    # an attack by gunmen or fighters with no weapon named is ground fighting; a named weapon wins
    ("هاجم مسلحون من تنظيم داعش نقطة للجيش قرب قضاء كفري مساء أمس.", "clash"),
    ("ISIS militants attacked an army checkpoint near Tarmiyah on Monday.", "clash"),
    ("Militants fired rockets at an army checkpoint near Tarmiyah on Monday.", "rocket_attack"),
    ("An attack on an army post in Tarmiyah killed two soldiers on Monday.", "other"),
    # … even after a bomb told elsewhere
    ("A roadside bomb hit a police car in Baquba on Monday. Gunmen attacked a checkpoint near Mandali late "
     "on Monday.", ["ied", "clash"]),
    # … and a retelling by the fighters' attack keeps the means told first
    ("A roadside bomb hit an army patrol in Tarmiyah on Monday. The militants' attack in Tarmiyah killed two "
     "soldiers.", "ied"),
])
def test_incident_types(gazetteer, text, kind):
    assert [i.incident_type for i in run(text, gazetteer)] == (kind if isinstance(kind, list) else [kind])


@pytest.mark.parametrize("text", [
    "وصل الوزير إلى بغداد في زيارة رسمية لبحث وقف الهجمات.",  # a visit
    # a series over past years or days is no one incident
    "ويعيد الهجوم إلى الأذهان التفجيرات التي استهدفت الأسواق الشعبية في بغداد خلال السنوات الماضية.",
    "Car bombs have hit markets in Kirkuk several times in recent years.",
    # denied or unconfirmed attack words, finds, threats and ceasefires are no incidents
    "Islamic State had not previously struck inside Damascus.",
    "وكانت قوة أمنية قد عثرت الأسبوع الماضي على منصة صواريخ في منطقة أبو غريب.",
    "وقال الوزير إن التحذيرات انتهت، متوعداً بضربات أشد في دمشق.",
    "أعلنت الرئاسة مساء أمس اتفاقاً لوقف إطلاق النار في السويداء.",
    "The air force has carried out dozens of strikes this year on hideouts in Anbar and Kirkuk provinces.",
    "استنكرت بغداد الضربات الأميركية.",  # Baghdad as the government, not the place
    "تعرضت القوات الأميركية في العراق وسوريا للهجوم حوالى 150 مرة منذ أكتوبر.",  # a running total
    "تشن الولايات المتحدة هجمات على الحوثيين في البحر الأحمر.",  # out of area
    "The strikes hit sites about 60 km south of nothing in particular.",
])
def test_not_incidents(gazetteer, text):
    assert run(text, gazetteer) == []


def test_without_a_publication_date_incidents_have_no_date(gazetteer):
    (inc,) = run("Ain al-Asad air base was hit by ballistic missiles on Saturday.", gazetteer, published=None)
    assert inc.event_date is None and inc.time_precision is None


def test_follow_up_figures_only_from_the_next_two_sentences(gazetteer):
    text = ("A drone struck a vehicle in Baghdad on Tuesday. Officials gave no figures. "
            "The weather was hot. Traders said prices rose. Five people were killed in a fire elsewhere.")
    (inc,) = run(text, gazetteer)
    assert inc.fatalities is None
    near = run("A drone struck a vehicle in Baghdad on Tuesday. Two people were killed, police said.", gazetteer)
    assert near[0].fatalities == 2


def test_actors_in_an_english_report(gazetteer):
    text = ("US forces struck three facilities used by Kataib Hezbollah in Iraq. The strikes hit Kataib Hezbollah "
            "positions in Jurf al-Sakhar on Wednesday. Four US soldiers suffered brain injuries on Saturday when "
            "Ain al-Asad air base was hit by ballistic missiles fired by Iran-aligned militants.")
    by_place = {i.place.name: (i.actor1, i.actor2) for i in run(text, gazetteer)}
    assert by_place == {"Jurf al-Nasr": ("US forces", "Kataib Hezbollah"),
                        "Ain al-Asad Air Base": ("Iran-backed militias", "US forces")}


@pytest.mark.parametrize("text, place", [
    ("Rockets slammed into Ain al-Asad air base on Monday.", "Ain al-Asad Air Base"),
    ("A roadside bomb exploded in the town of Tikrit on Monday.", "Tikrit"),
    ("An airstrike hit the city of Mosul on Monday.", "Mosul"),
])
def test_english_place_phrases(gazetteer, text, place):
    assert [i.place.name for i in run(text, gazetteer)] == [place]


def test_thursday_last_week_and_spelling_variants(gazetteer):
    (inc,) = run("Three fighters were killed on Thursday last week when a Turkish drone struck their car near Hawija.",
                 gazetteer, published=dt.date(2024, 1, 26))  # a Friday
    assert (inc.place.name, inc.event_date, inc.fatalities) == ("Al Ḩawījah", dt.date(2024, 1, 18), 3)


def test_a_town_named_beside_its_own_airport_is_not_a_second_incident(gazetteer):
    found = run("Two rockets fell on Baghdad on Tuesday, landing inside Baghdad International Airport.", gazetteer)
    assert [i.place.name for i in found] == ["Baghdad International Airport"]


def test_an_undated_headline_is_the_same_incident_as_the_dated_story(gazetteer):
    text = ("غارة إسرائيلية جنوب دمشق\n\n"
            "قتل مستشار إيراني اليوم الاثنين في غارة جوية إسرائيلية استهدفت منزله في منطقة السيدة زينب جنوبي دمشق.")
    found = run(text, gazetteer, published=dt.date(2023, 12, 25))
    assert [(i.place.name, i.event_date) for i in found] == [("Sayyida Zaynab", dt.date(2023, 12, 25))]


def test_a_sentence_that_only_refers_back_to_attacks_is_not_an_incident(gazetteer):
    text = ("Two policemen were killed on Sunday when gunmen attacked their checkpoint in Hawija. "
            "Officials blamed both attacks on cells hiding between Kirkuk and Salahuddin provinces.")
    assert [i.place.name for i in run(text, gazetteer)] == ["Al Ḩawījah"]
    analysis = "The sites targeted most often, Ain al-Asad and Harir, remain on alert, officials say."
    assert run(analysis, gazetteer) == []  # nothing dates it: no incident in particular


def test_a_running_total_after_an_incident_adds_no_casualties(gazetteer):
    text = ("Eleven soldiers were killed on Saturday when militants attacked an army post near al-Sukhnah. "
            "More than 40 soldiers have been killed in the desert since the start of the year.")
    (inc,) = run(text, gazetteer)
    assert inc.fatalities == 11


def test_no_losses_at_one_site_are_not_copied_to_the_other(gazetteer):
    text = ("غارات إسرائيلية استهدفت اليوم مطار حلب الدولي ومطار دمشق الدولي. "
            "وأوضح المصدر أن العدوان على مطار حلب الدولي لم يسفر عن خسائر بشرية، فيما لم ترد معلومات عن إصابات في مطار دمشق.")
    found = {i.place.name: (i.fatalities, i.injured) for i in run(text, gazetteer)}
    assert found == {"Aleppo International Airport": (0, 0), "Damascus International Airport": (None, None)}


def test_a_town_then_its_airport_in_the_next_sentence_is_one_incident(gazetteer):
    text = ("Israeli jets struck Aleppo on Monday. The strikes on Aleppo International Airport put its runway out "
            "of service.")
    assert [i.place.name for i in run(text, gazetteer)] == ["Aleppo International Airport"]


@pytest.mark.parametrize("text, place", [
    ("A sticky bomb exploded in the centre of Tal Afar on Friday.", "Tal Afar"),  # "Tal" alone needs a cue
    ("Gunmen attacked a checkpoint in Hawija on Sunday; the attackers fled to Kirkuk.", "Al Ḩawījah"),
])
def test_place_of_the_event_not_the_hideout(gazetteer, text, place):
    assert [i.place.name for i in run(text, gazetteer)] == [place]


def test_later_sentence_naming_missiles_refines_a_bombardment(gazetteer):
    text = ("ارتفعت حصيلة القصف الإيراني الذي استهدف أمس مقار أحزاب كردية في قضاء كويسنجق إلى 13 قتيلا و58 جريحا. "
            "وقال الحرس الثوري إنه استخدم في الهجوم صواريخ أرض-أرض.")
    (inc,) = run(text, gazetteer)
    assert (inc.incident_type, inc.fatalities, inc.injured) == ("missile_attack", 13, 58)


def test_a_dateline_date_is_the_reports_not_the_events(gazetteer):
    (inc,) = run("BAGHDAD, June 28 (Wire) - U.S. warplanes struck weapons depots near al-Qaim late on Sunday, "
                 "officials said.", gazetteer, published=dt.date(2021, 6, 28))
    assert inc.event_date == dt.date(2021, 6, 27)


def test_a_headline_of_untold_means_merges_with_the_story_in_a_district_of_the_city(gazetteer):
    text = ("مقتل خمسة بعدوان إسرائيلي على دمشق\n\n"
            "قتل خمسة مدنيين فجر اليوم جراء عدوان جوي إسرائيلي استهدف مبنى سكنياً في حي كفرسوسة بدمشق.")
    found = run(text, gazetteer, published=dt.date(2023, 2, 19))
    assert [(i.incident_type, i.event_date, i.fatalities) for i in found] == [("airstrike", dt.date(2023, 2, 19), 5)]


def test_a_town_used_as_a_reference_point_is_not_also_a_site(gazetteer):
    text = ("قتل ثلاثة من منتسبي قوة مكافحة الإرهاب في السليمانية أمس بضربة نفذتها طائرة مسيرة على مطار عربت "
            "الواقع جنوب شرقي مدينة السليمانية.")
    assert [i.place.name for i in run(text, gazetteer)] == ["Arbat"]


def test_where_rockets_were_launched_from_is_not_where_they_fell(gazetteer):
    text = ("سقطت ثلاثة صواريخ مساء أمس قرب مصفاة كار النفطية غربي أربيل. "
            "وقال مسؤول أمني إن الصواريخ أطلقت من منطقة قريبة من سهل نينوى.")
    assert [i.place.name for i in run(text, gazetteer)] == ["KAR refinery"]


@pytest.mark.parametrize("follow_up, date", [
    ("وذكرت الخلية أن «عبوة ناسفة انفجرت مساء أمس الاثنين على عجلة تابعة للجيش».", "2021-09-13"),
    # an attack of last month is another one
    ("وقالت الخلية إن الهجوم جاء رداً على تفجير الشهر الماضي.", "2021-09-14"),
])
def test_an_attack_dated_by_its_announcement_takes_the_day_told_next(gazetteer, follow_up, date):
    text = ("أعلنت خلية الإعلام الأمني، اليوم الثلاثاء، استشهاد ضابط وجندي بانفجار عبوة ناسفة استهدفت عجلتهم في "
            "قضاء الطارمية شمالي بغداد. " + follow_up)
    (inc,) = run(text, gazetteer, published=dt.date(2021, 9, 14))
    assert str(inc.event_date) == date


@pytest.mark.parametrize("text, place, date", [
    ("U.S. forces killed a senior Islamic State leader in a raid in the town of al-Bab, U.S. Central Command said on "
     "Saturday. \"On July 25, CENTCOM forces conducted a raid in al-Bab, killing a senior ISIS leader,\" it said.",
     "al-Bab", "2025-07-25"),
    # a headline dated only by the lede's "… said on Saturday"
    ("Turkish drone strike kills three near Choman. Three PKK members were killed when a Turkish drone struck their "
     "vehicle, the directorate said on Saturday. \"On Thursday a Turkish drone struck a vehicle on a road near the "
     "town of Choman,\" it said.", "Choman", "2025-07-24"),
    # the lede names only the province; the statement the site
    ("Three PKK members were killed when a Turkish drone struck their vehicle in Erbil province, the directorate said "
     "on Saturday. \"On Thursday a Turkish drone struck a vehicle on a road near the town of Choman,\" it said.",
     "Choman", "2025-07-24"),
])
def test_a_lede_dated_by_its_announcement_is_the_attack_told_next_on_its_day(gazetteer, text, place, date):
    (inc,) = run(text, gazetteer, published=dt.date(2025, 7, 26))
    assert (inc.place.name, str(inc.event_date)) == (place, date)


def test_two_attacks_in_one_sentence_keep_their_own_days(gazetteer):
    text = ("قتل سبعة أشخاص، أمس الأحد، في هجوم شنه مسلحون على نقاط لقسد في بلدة ذيبان بريف دير الزور الشرقي، فيما "
            "قتل شخصان فجر اليوم الاثنين بضربة لطائرة مسيرة قرب بلدة البصيرة.")
    found = run(text, gazetteer, published=dt.date(2024, 9, 16))
    assert [(i.place.name, str(i.event_date), i.fatalities) for i in found] == [
        ("Dhībān", "2024-09-15", 7), ("Al Buşayrah", "2024-09-16", 2)]


def test_the_same_day_is_the_attacks_not_the_announcements(gazetteer):
    text = ("ارتفعت حصيلة ضحايا الهجوم الذي شنه مسلحون على مدينة كوباني فجر أمس الخميس إلى 145 قتيلاً، بحسب ما "
            "أعلنته الإدارة المحلية صباح اليوم الجمعة 26 حزيران/يونيو 2015. "
            "وفي اليوم نفسه، هاجم التنظيم أحياء في جنوب مدينة الحسكة.")
    found = run(text, gazetteer, published=dt.date(2015, 6, 26))
    assert [(i.place.name, str(i.event_date)) for i in found] == [("Kobani", "2015-06-25"), ("Hasakah", "2015-06-25")]


@pytest.mark.parametrize("text", [
    "استهدفت طائرات حربية أمس سوقاً شعبية في مدينة دوما. "
    "وقال المرصد في تقرير أصدره صباح اليوم إن الطائرات استهدفت السوق بعشرة صواريخ وسط المدينة.",
    "Government jets struck a market in Douma on Wednesday. In a report issued on Thursday, the monitor said the "
    "jets fired ten missiles at the market in Douma.",
])
def test_the_day_a_report_was_issued_is_not_the_attacks(gazetteer, text):
    assert [(i.place.name, str(i.event_date)) for i in run(text, gazetteer)] == [("Douma", "2024-01-24")]


@pytest.mark.parametrize("text, places", [
    # where the speaker or the sources are is not a site …
    ("قصفت طائرة مسيرة تركية مساء أمس سيارة قرب قلعة دزة. "
     "وقال مسؤول محلي في دوكان إن السيارة احترقت بالكامل.", ["Qeładizê"]),
    ("Rockets hit Ain al-Asad air base on Sunday, a security source in Ramadi said.", ["Ain al-Asad Air Base"]),
    ("Terrorists fired rocket shells on Tal Salhab town today, a source at Hama Police Command said.", ["Tall Salḩab"]),
    ("Gunmen attacked an army checkpoint near Haqlaniyah on Wednesday, an army officer in Haditha district said.",
     ["Al Ḩaqlānīyah"]),
    ("Air strikes hit the outskirts of Tal Abyad on Wednesday, and columns of cars headed south along the roads "
     "towards Hasakah.", ["Tal Abyad"]),
    # a speaker cue does not run across a comma ("… of the oil ministry, in central Hillah")
    ("A sticky bomb attached to a car killed its driver, a local employee of the oil ministry, in central Hillah "
     "early this morning.", ["Hillah"]),
    # … but a place the sentence names as struck still is
    ("مصادر محلية في اللاذقية: غارات جوية إسرائيلية استهدفت فجر اليوم ميناء اللاذقية.", ["Latakia"]),
])
def test_where_the_speaker_is_is_no_site(gazetteer, text, places):
    assert [i.place.name for i in run(text, gazetteer)] == places


def test_hyphens_of_an_article_may_be_spaces(gazetteer):
    (inc,) = run("U.S. forces conducted an airstrike near the city of Dayr az Zawr on Dec. 19, killing two.", gazetteer,
                 published=dt.date(2024, 12, 20))
    assert (inc.place.name, inc.event_date, inc.fatalities) == ("Deir ez-Zor", dt.date(2024, 12, 19), 2)


def test_the_airports_of_two_cities(gazetteer):
    text = "شن العدو الإسرائيلي فجر اليوم عدواناً جوياً على مطاري دمشق وحلب الدوليين."
    assert sorted(i.place.name for i in run(text, gazetteer)) == [
        "Aleppo International Airport", "Damascus International Airport"]


@pytest.mark.parametrize("text, place", [
    # where the wounded were taken, where the blasts were heard, where a road leads: not the site
    ("أطلقت طائرة مسيرة صاروخين على مطار عربت أمس، ونقل الجرحى إلى مستشفى الطوارئ في السليمانية.", "Arbat"),
    ("A drone struck a car at Jdeidet Yabous on Thursday on the road leading from the crossing towards Damascus.",
     "Jdeidet Yabous crossing"),
    # "belonging to the district of X": X is the wider area
    ("استهدفت طائرة مسيرة مفخخة أمس حقل كورمور الواقع في ناحية قادر كرم التابعة لقضاء جمجمال.", "Khor Mor gas field"),
])
def test_remote_and_wider_places_are_not_sites(gazetteer, text, place):
    assert [i.place.name for i in run(text, gazetteer)] == [place]


def test_missiles_of_jets_named_just_before_are_an_air_strike(gazetteer):
    text = ("شن العدو الإسرائيلي فجر اليوم عدواناً جوياً على محيط دمشق. "
            "وأوضح المراسل أن أحد صواريخ العدوان أصاب بناء سكنياً في حي كفرسوسة.")
    assert [(i.incident_type, i.place.name) for i in run(text, gazetteer)] == [("airstrike", "Kafr Sousa")]


def test_two_sites_in_one_sentence_stay_two_even_when_close(gazetteer):
    text = ("استهدف العدوان الإسرائيلي عصر اليوم مبنيين سكنيين، أحدهما في حي المزة غربي العاصمة دمشق "
            "والآخر في منطقة قدسيا بريف دمشق.")
    assert sorted(i.place.name for i in run(text, gazetteer)) == ["Mezzeh", "Qadsayyā"]


@pytest.mark.parametrize("text, place", [
    # a reference point inside the only named governorate is more precise than the governorate
    ("تعرضت نقطة للجيش في قرية نائية جنوب غربي قضاء الدبس بمحافظة كركوك اليوم إلى هجوم مسلح.", "Dibis"),
    # the places a road links are used when nothing else is named
    ("انفجرت عبوة ناسفة أمس على طريق زراعي يربط بين قريتين تابعتين لقضاء الشرقاط في محافظة صلاح الدين.", "Shirqat"),
    # "before the attackers withdrew" is no withdrawal of forces
    ("هاجمت خلايا التنظيم أمس مواقع عسكرية في بادية معدان واندلعت اشتباكات قبل انسحاب المهاجمين.", "Ma‘dān"),
])
def test_reference_points_and_areas(gazetteer, text, place):
    assert [i.place.name for i in run(text, gazetteer)] == [place]


def test_a_headline_of_missiles_and_a_story_of_rockets_are_one_incident_per_place(gazetteer):
    text = ("إيران تقصف عين الأسد وأربيل بالصواريخ الباليستية\n\n"
            "وسقط ٢٢ صاروخاً فجر اليوم على قاعدة عين الأسد الجوية وعلى مطار أربيل الدولي.")
    found = run(text, gazetteer, published=dt.date(2020, 1, 8))
    assert sorted((i.place.name, i.incident_type, i.event_date) for i in found) == [
        ("Ain al-Asad Air Base", "missile_attack", dt.date(2020, 1, 8)),
        ("Erbil International Airport", "missile_attack", dt.date(2020, 1, 8))]


def test_another_days_attack_in_the_same_place_told_by_an_anaphor(gazetteer):
    text = ("قتل عشرون شخصاً ظهر اليوم الإثنين بانفجار سيارة مفخخة على أطراف مدينة منبج. "
            "ويأتي التفجير بعد يومين من انفجار سيارة مفخخة أخرى وسط المدينة يوم السبت، أدى إلى مقتل أربعة أشخاص.")
    found = run(text, gazetteer, published=dt.date(2025, 2, 3))
    assert sorted((i.place.name, i.event_date, i.fatalities) for i in found) == [
        ("Manbij", dt.date(2025, 2, 1), 4), ("Manbij", dt.date(2025, 2, 3), 20)]


def test_the_means_of_an_attack_named_elsewhere_are_not_this_ones(gazetteer):
    text = ("انفجرت عبوة ناسفة صباح اليوم في حافلة وسط العاصمة السورية دمشق.\n\n"
            "وبعد ساعات من تفجير دمشق، تعرضت بلدة سراقب لقصف مدفعي من قوات النظام.")
    found = run(text, gazetteer, published=dt.date(2021, 10, 20))
    assert sorted((i.place.name, i.incident_type) for i in found) == [("Damascus", "ied"), ("Saraqib", "rocket_attack")]


def test_a_town_near_a_base_only_says_where_the_base_lies(gazetteer):
    (inc,) = run("Missiles hit the Shayrat air base near Homs on Tuesday, killing five soldiers.", gazetteer)
    assert (inc.place.name, inc.fatalities) == ("Shayrat Air Base", 5)


def test_an_out_of_area_launch_point_does_not_hide_the_target(gazetteer):
    found = run("Warships in the eastern Mediterranean fired cruise missiles at Syria's Shayrat air base on Tuesday.",
                gazetteer)
    assert [i.place.name for i in found] == ["Shayrat Air Base"]


def test_the_same_base_on_another_day_and_the_base_retold(gazetteer):
    text = ("Israeli jets fired missiles at the Tiyas air base on Monday, killing seven people. "
            "Four soldiers were among those killed at the base, east of Homs, a monitor said. "
            "In March, Israeli jets struck the same base.")
    found = run(text, gazetteer, published=dt.date(2018, 4, 10))
    assert sorted((i.place.name, str(i.event_date), i.time_precision) for i in found) == [
        ("Tiyas Air Base", "2018-03-01", 3), ("Tiyas Air Base", "2018-04-09", 1)]


@pytest.mark.parametrize("text, place, precision", [
    # "west of X city": a reference point, the village is the site
    ("A drone hit a car near the village of Sarmada, north of Idlib city, on Monday.", "Sarmada", 1),
    # "12 km west of X, in Y province": the town, not the province ("Sulaimani" names the city too)
    ("A roadside bomb hit a patrol 10 km east of Chamchamal, in Sulaimani province, on Monday.", "Jamjamāl", 2),
])
def test_reference_towns_beside_a_province_or_city_word(gazetteer, text, place, precision):
    (inc,) = run(text, gazetteer)
    assert (inc.place.name, inc.place.geo_precision) == (place, precision)


def test_an_undated_incident_takes_the_date_of_the_attacks_told_before(gazetteer):
    text = ("شنت طائرات إسرائيلية مساء أمس الأربعاء غارات على مطار حماة العسكري. "
            "وفي ريف درعا الغربي، اندلعت اشتباكات قرب مدينة نوى أسفرت عن مقتل تسعة.")
    found = run(text, gazetteer, published=dt.date(2025, 4, 3))
    assert {i.incident_type: str(i.event_date) for i in found} == {"airstrike": "2025-04-02", "clash": "2025-04-02"}


def test_a_hospital_named_after_a_town_is_not_a_site(gazetteer):
    text = ("A car bomb exploded in a market in Afrin on Tuesday, killing 12 people. "
            "The blast set shops on fire, and the toll rose overnight, a doctor at Afrin's main hospital said.")
    found = run(text, gazetteer, published=dt.date(2020, 4, 29))
    assert [(i.place.name, str(i.event_date), i.fatalities) for i in found] == [("Afrin", "2020-04-28", 12)]


def test_fighters_of_a_militia_are_the_attackers(gazetteer):
    text = ("استهدف مجاهدو المقاومة الإسلامية في العراق فجر اليوم قاعدة الاحتلال الأمريكي في حقل رميلان "
            "بطائرة مسيرة.")
    (inc,) = run(text, gazetteer)
    assert (inc.place.name, inc.incident_type, inc.actor1, inc.actor2) == (
        "Rmelan", "drone_attack", "Islamic Resistance in Iraq", "US forces")


def test_a_road_between_two_towns_is_one_incident_at_its_first_end(gazetteer):
    (inc,) = run("A roadside bomb hit an army bus on Tuesday on the road linking Inkhil with the town of Jasim.",
                 gazetteer)
    assert (inc.place.name, inc.place.geo_precision) == ("Inkhil", 2)


def test_a_valley_known_roughly_gives_way_to_the_town_it_is_told_from(gazetteer):
    (inc,) = run("Gunmen attacked an army post on Saturday in the Wadi al-Shay area, some 20 km south-east of Hawijah.",
                 gazetteer)
    assert inc.place.name == "Al Ḩawījah"


def test_the_same_day_is_the_day_just_told(gazetteer):
    text = ("شنت طائرات إسرائيلية أمس الأربعاء غارات على مطار حماة العسكري. "
            "وفي اليوم نفسه، استهدفت غارات أخرى مواقع قرب مدينة السويداء.")
    found = run(text, gazetteer, published=dt.date(2025, 7, 17))
    assert {str(i.event_date) for i in found} == {"2025-07-16"} and len(found) == 2


def test_an_undated_headline_with_a_vaguer_attack_word_is_the_story(gazetteer):
    text = ("SDF: two ISIS members killed in Markadah raid\n\n"
            "On Wednesday, SDF units clashed with an ISIS cell holed up in a house in the town of Markadah.")
    (inc,) = run(text, gazetteer, published=dt.date(2024, 10, 23))
    assert (inc.place.name, inc.incident_type, str(inc.event_date)) == ("Markadah", "clash", "2024-10-23")


def test_a_headline_naming_the_province_city_is_the_story_in_that_province(gazetteer):
    text = ("CENTCOM forces kill ISIS official in Raqqa city\n\n"
            "On Sept. 16, U.S. forces conducted an unmanned aircraft strike near the town of Tabqa, killing an "
            "ISIS official.")
    (inc,) = run(text, gazetteer, published=dt.date(2025, 9, 20))
    assert (inc.incident_type, str(inc.event_date)) == ("drone_strike", "2025-09-16") and "Tabq" in inc.place.name


def test_an_unconfirmed_attack_is_not_another(gazetteer):
    text = ("At dawn on Saturday, two drones struck the Conoco field. Rockets hit Ain al-Asad late on Friday. "
            "We could not independently confirm the attack on the Conoco field.")
    found = run(text, gazetteer, published=dt.date(2023, 10, 28))
    assert sorted((i.place.name, str(i.event_date)) for i in found) == [
        ("Ain al-Asad Air Base", "2023-10-27"), ("Conoco gas field", "2023-10-28")]


def test_drones_of_no_state_striking_a_base_are_a_drone_attack(gazetteer):
    (inc,) = run("At dawn today, the occupation base at the Conoco field, with two drones, which struck their targets.",
                 gazetteer)
    assert (inc.place.name, inc.incident_type) == ("Conoco gas field", "drone_attack")


def test_a_base_said_to_be_in_a_town_is_the_towns_base(gazetteer):
    (inc,) = run("استهدف مجاهدو المقاومة فجر اليوم قاعدة الاحتلال في حرير بطائرة مسيرة.", gazetteer)
    assert inc.place.name == "Harir Air Base"


def test_the_date_of_an_announcement_is_not_the_attacks(gazetteer):
    text = ("أعلنت وزارة الصحة في الإقليم، أمس الثلاثاء، أن الهجوم الصاروخي الذي استهدف مطار أربيل الدولي "
            "مساء الاثنين ١٥ فبراير/شباط ٢٠٢١ أسفر عن مقتل متعاقد.")
    (inc,) = run(text, gazetteer, published=dt.date(2021, 2, 17))
    assert str(inc.event_date) == "2021-02-15"


def test_an_earlier_attack_on_the_base_on_a_day_of_this_month(gazetteer):
    text = ("سقط صاروخا كاتيوشا مساء أمس السبت داخل قاعدة الحبانية الجوية. "
            "وهذا ثاني استهداف للقاعدة خلال الشهر الجاري، إذ تعرضت في ١٤ حزيران/يونيو لهجوم بطائرة مسيرة مفخخة.")
    found = run(text, gazetteer, published=dt.date(2024, 6, 30))
    assert sorted((str(i.event_date), i.time_precision, i.incident_type) for i in found) == [
        ("2024-06-14", 1, "drone_attack"), ("2024-06-29", 1, "rocket_attack")]


def test_an_earlier_attack_this_month_keeps_its_month(gazetteer):
    (inc,) = run("وكانت طائرة مسيرة قد قصفت في وقت سابق من الشهر محيط مطار السليمانية.", gazetteer,
                 published=dt.date(2024, 6, 7))
    assert (inc.place.name, str(inc.event_date)[:7], inc.time_precision) == (
        "Sulaymaniyah International Airport", "2024-06", 3)


def test_the_night_of_one_day_to_the_next_is_after_midnight(gazetteer):
    text = "استهدفت الغارات الإسرائيلية بعد منتصف ليل الثلاثاء – الأربعاء مواقع في مدينة الميادين."
    (inc,) = run(text, gazetteer, published=dt.date(2021, 1, 14))
    assert str(inc.event_date) == "2021-01-13"


def test_and_suburbs_of_a_town_open_another_site(gazetteer):
    text = "استهدفت الغارات أمس مواقع في مدينة الميادين وضواحي مدينة البوكمال."
    found = run(text, gazetteer)
    assert sorted(i.place.name for i in found) == ["Albu Kamal", "al-Mayadin"]


@pytest.mark.parametrize("text, place", [
    ("A gunman attacked a checkpoint near Kafr Zeita on Monday.", "Kafr Zaytā"),  # "ay" is also written "ei"
    ("Iraqi forces and Peshmerga fought for hours on Friday near Altun Kupri.", "Altun Kupri"),
    ("انفجرت عبوة لاصقة أمس بسيارة موظف في بلدية تلكيف.", "Tallkayf"),
    ("In March 2016, a fuel tanker packed with explosives blew up at the northern entrance of Hillah.", "Hillah"),
    ("On Sunday our forces resumed military operations against the last ISIS pocket in the town of al-Baghuz.",
     "Baghuz"),
])
def test_more_spellings_and_attack_words(gazetteer, text, place):
    assert [i.place.name for i in run(text, gazetteer)] == [place]


def test_another_name_in_brackets_is_the_same_place(gazetteer):
    text = "At 23:10 on Sunday, an explosive-laden drone crashed into farmland close to the town of Pirmam (Masif Salahaddin)."
    (inc,) = run(text, gazetteer, published=dt.date(2026, 3, 16))
    assert inc.place.name == "Pīrmām"


@pytest.mark.parametrize("text, place, date", [
    # a takeover after days of fighting, told on its day; where the fighters withdrew to is no site
    ("BAGHDAD, May 18 (Wire) - Islamic State fighters seized full control of Ramadi on Monday after days of "
     "fighting, driving the security forces out of the city.", "Ramadi", "2022-04-18"),
    ("Syrian troops recaptured the city of Palmyra on Monday after nearly three weeks of fighting, and the militants "
     "withdrew east toward Deir ez-Zor.", "Palmyra", "2022-04-18"),
    # a find told after a dated attack with victims
    ("قتل شخصان وأصيب خمسة آخرون صباح اليوم بانفجار عبوة ناسفة قرب سوق شعبي في قضاء بلد، بحسب مصدر أوضح أن قوة "
     "أمنية فككت عبوة ثانية عثر عليها في المكان نفسه.", "Balad", "2022-04-20"),
    # "فتح مسلح النار عليهم": the subject between the verb and its object
    ("قتل ثلاثة أشخاص أمس عندما فتح مسلح النار عليهم داخل مطعم في مدينة أربيل.", "Erbil", "2022-04-19"),
    # a blocker inside a since-clause, a campaign beside a dated strike
    ("WASHINGTON, April 20 - U.S. aircraft struck militant artillery outside the city of Erbil on Monday, the first "
     "American air strikes since the withdrawal of U.S. troops.", "Erbil", "2022-04-18"),
    ("The coalition launched air strikes on Tikrit late on Monday, after a three-week ground offensive stalled.",
     "Tikrit", "2022-04-18"),
    # a trend in one clause, a dated attack in the next
    ("وتشهد ديالى منذ أشهر توتراً أمنياً؛ ففي شباط الماضي قتل ثلاثة مزارعين بهجوم مسلح على قرية في المقدادية.",
     "Muqdadiyah", "2022-02-01"),
    ("The town of Tal Tamr, besieged for weeks, was shelled on Monday.", "Tall Tamr", "2022-04-18"),
    ("In March last year, a car bomb exploded in Tal Tamr.", "Tall Tamr", "2021-03-01"),
])
def test_an_attack_told_beside_a_trend_is_an_incident(gazetteer, text, place, date):  # (and a month of last year)
    (inc,) = run(text, gazetteer, published=dt.date(2022, 4, 20))
    assert (inc.place.name, str(inc.event_date)) == (place, date)


@pytest.mark.parametrize("text, places", [
    ("A drone was shot down near Erbil airport on Sunday. "
     "Both drones were launched from an area in the Nineveh Plains, officials said.", ["Erbil International Airport"]),
    ("وتصدت الدفاعات الجوية في قاعدة حميميم مساء أمس لطائرتين مسيرتين أطلقهما الإرهابيون من منطقة خفض التصعيد "
     "في إدلب باتجاه القاعدة.", ["Bassel Al-Assad International Airport"]),  # Hmeimim
    ("سقطت قذيفتان أطلقتا من منطقة زراعية في ريف درعا الغربي على بلدة الشيخ مسكين أمس.", ["Shaykh Miskīn"]),
    # … but the target of a launch is the site
    ("Militants launched two drones at Ain al-Asad air base on Sunday.", ["Ain al-Asad Air Base"]),
    ("أطلق مسلحون صاروخين على قاعدة عين الأسد أمس.", ["Ain al-Asad Air Base"]),
])
def test_where_an_attack_was_launched_from_is_no_site(gazetteer, text, places):
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2026, 3, 16))] == places


def test_a_province_and_a_place_in_it_struck_that_day_are_one_incident(gazetteer):
    text = ("Israeli jets struck the coastal province of Latakia late on Monday. "
            "The missiles hit a facility on the outskirts of the city of Latakia late on Monday, wounding two people.")
    (inc,) = run(text, gazetteer, published=dt.date(2018, 9, 18))
    assert (inc.place.name, inc.injured) == ("Latakia", 2)


@pytest.mark.parametrize("text", [
    "He said an air exercise would begin next week, and delegations would meet in Baghdad in April.",
    "Security forces arrested four ISIS suspects in al-Qaim district in a pre-dawn raid.",
    # outlooks, habits, trends and displacement
    "Watch for clashes in Maysan, Dhi Qar and Basra.",
    "The group still carries out low-level attacks, mostly in Diyala and Kirkuk.",
    "وتكرر إسرائيل استهداف مواقع في ريف دمشق الجنوبي الغربي ومحافظة القنيطرة.",
    "ونزح آلاف السكان من القامشلي باتجاه القرى الجنوبية هرباً من القصف.",
    "The ministry says dozens of its fighters have been killed in IS attacks in Kirkuk and Diyala over the past five years.",
    "Samawah had been largely spared the bombings that hit Baghdad and other cities.",
    "In return, the fighters fired rockets and artillery shells at regime positions along the front lines in Idlib.",
    # running tallies and counts of a kind
    "Fighting on the Tishreen Dam front has killed more than 500 fighters on both sides since December.",
    "وهذه الضربة الثالثة من نوعها في محافظة السليمانية منذ مطلع الشهر الجاري.",
    "Turkish drone strikes in the Sinjar district have killed dozens of people since 2021.",
    "وبذلك يرتفع إلى ١١٢ عدد الأشخاص الذين قتلوا بانفجار ألغام في بادية حمص منذ مطلع شباط.",
    "Since the start of the battle for Raqqa on June 6, the Observatory has documented the deaths of 700 civilians in "
    "air strikes.",
    "Officials have warned that the militants are likely to step up bombings in Baghdad.",
    "وقالت وزارة الدفاع الروسية إن المسلحين يواصلون خرق نظام وقف الأعمال القتالية في إدلب بقصف المواقع العسكرية.",
    "وأعلن وزير الدفاع صباح اليوم التوصل إلى اتفاق لوقف شامل لإطلاق النار على جميع المحاور بعد لقاء في دمشق.",
    # finds, habits
    "The launcher was found in an orchard in al-Radwaniyah with a third rocket still on it.",
    "Security forces reported finding and defusing seven explosive devices in Diyala during the week.",
    "\"We hear the drones day and night,\" said a shopkeeper in the Qaladiza bazaar.",
    # a natural area, or a governorate's countryside, is wider than any point an incident can be placed at
    "Other air strikes and barrel bombs dropped by helicopters targeted areas in the southern Idlib countryside.",
    "في المقابل، استهدفت الفصائل بالقذائف مواقع قوات النظام على خطوط التماس في ريف إدلب الجنوبي.",
    "Iraqi F-16 jets struck suspected hideouts in the Wadi Houran area on Thursday morning.",
    "وأعلنت وزارة الدفاع التركية اليوم أن مقاتلاتها قصفت مواقع لحزب العمال الكردستاني في منطقة قنديل.",
    # flights, records of fighting, campaigns; a launcher found and defused (no victims)
    "On Monday, security forces found a rocket launcher pointed at Baghdad airport in a field near Abu Ghraib, and "
    "defused it before it could be fired.",
    "وأكد مصدر في إدارة الطيران المدني أن حركة الملاحة في مطار دمشق استمرت بشكل طبيعي صباح اليوم.",
    "His fighters have fought government forces and the Islamic State around Damascus.",
    "The SDF resumed its ground offensive toward Hajin earlier this week.",
    "وكان قائد العمليات قد أعلن الشهر الماضي إطلاق حملة لحصر السلاح في نينوى.",
    "Nearly nine years after the Islamic State's assault on Sinjar, thousands still live in camps.",
    # habits, trends, truces, records in an undated perfect
    "Islamic State has carried out public executions in Raqqa, while government forces have been criticised for "
    "using barrel bombs on rebel-held districts in Aleppo.",
    "In Idlib, where more than four million people live, the strikes are often met with anger.",
    "16:05 - Fighting is continuing in the al-Karama district of eastern Mosul.",
    "That cessation of hostilities has largely collapsed around Aleppo.",
    # an earlier attack set only in a year
    "Erbil's airport and a nearby coalition base were targeted earlier this year.",
    "وكانت قاعدة عين الأسد قد تعرضت لهجوم صاروخي العام الماضي.",
    # a count of attacks with no day
    "The SDF said the group's cells had carried out more than 20 attacks on its positions in Hasakah province.",
    "وتقول مصادر محلية إن الخلايا نفذت أكثر من 12 هجوماً في ريف دير الزور الشرقي منذ مطلع الشهر الماضي.",
    # ongoing campaigns and trends
    "The SDF launched its assault on Raqqa, the militants' de facto capital, on June 6.",
    "ويحاول التنظيم تخفيف الضغط عن مسلحيه في الموصل عبر شن هجمات على المدن المحررة في غرب الأنبار مثل راوة والقائم.",
    "وتشهد المنطقة المحيطة بسد تشرين معارك عنيفة منذ سيطرة الفصائل على منبج.",
    "وتشهد المنطقة المحيطة بسد تشرين وجسر قره قوزاق معارك عنيفة منذ سيطرة الفصائل الموالية لتركيا على مدينة منبج "
    "في التاسع من الشهر الجاري.",
    "Islamic State has stepped up hit-and-run attacks in Deir ez-Zor province this year.",
    "وتشهد محافظة صلاح الدين منذ أسابيع تصاعداً في هجمات الخلايا قرب مطيبيجة.",
    "وتشهد محافظة صلاح الدين منذ أسابيع تصاعداً ملحوظاً في نشاط خلايا التنظيم، لا سيما في المناطق المحيطة "
    "بمطيبيجة، حيث تشن الخلايا هجمات ليلية.",
])
def test_plans_and_exercises_are_no_incidents(gazetteer, text):
    assert run(text, gazetteer) == []


def test_a_dateline_names_where_the_reporter_is(gazetteer):
    text = ("Hama/Damascus, SANA - A civilian was killed today when terrorists positioned in Idleb countryside "
            "fired rocket shells on Tal Salhab town.")
    (inc,) = run(text, gazetteer)
    assert "Salḩab" in inc.place.name


def test_a_town_a_few_kilometres_away_stands_for_the_site(gazetteer):
    text = ("استهدفت طائرة مسيرة تركية مساء أمس سيارة على بعد نحو ٨ كيلومترات غربي بلدة الجوادية بريف الحسكة الشمالي "
            "الشرقي، ما أدى إلى مقتل عنصرين.")
    (inc,) = run(text, gazetteer)
    assert (inc.place.name, inc.place.geo_precision, inc.fatalities) == ("Al Jawādīyah", 2, 2)


def test_a_towns_northern_entrance_is_the_town(gazetteer):
    text = "قتل عنصران فجر اليوم بهجوم شنه مسلحون على حاجز عند المدخل الشمالي لبلدة ذيبان بريف دير الزور الشرقي."
    (inc,) = run(text, gazetteer)
    assert (inc.place.name, inc.incident_type) == ("Dhībān", "clash")


def test_the_guided_missile_of_a_drone_strike_is_the_same_strike(gazetteer):
    text = ("استهدفت طائرة مسيرة إسرائيلية يوم الأحد سيارة على الطريق الواصل بين مدينة الزبداني والحدود اللبنانية، ما "
            "أدى إلى مقتل شخصين. وقالت المصادر إن الضربة وقعت على بعد نحو ثلاثة كيلومترات غربي الزبداني، وإن السيارة "
            "كانت متجهة نحو الحدود عندما أصابها صاروخ موجه.")
    found = run(text, gazetteer, published=dt.date(2024, 6, 25))
    assert [(i.place.name, i.incident_type, i.fatalities) for i in found] == [("Az Zabadānī", "drone_strike", 2)]


def test_a_chain_of_areas_is_placed_at_its_first_and_smallest(gazetteer):
    text = "تعرّضت أطراف قرى تابعة لناحية كاني ماسي في قضاء العمادية بمحافظة دهوك ظهر اليوم لقصف مدفعي تركي."
    (inc,) = run(text, gazetteer)
    assert inc.place.name == "Kānī Māsī"


def test_what_was_seen_in_the_sky_is_no_site(gazetteer):
    text = ("Israeli missiles struck a site near Qatana at dawn. Residents saw the trails of interceptor missiles in "
            "the sky over the western outskirts of Damascus.")
    assert [i.place.name for i in run(text, gazetteer)] == ["Qaţanā"]


def test_a_place_after_a_countrys_possessive_is_the_site(gazetteer):
    text = "Shelling kills three in Syria's Sarmin; Russian jets strike near Armanaz"
    assert [(i.place.name, i.incident_type, i.fatalities) for i in run(text, gazetteer)] == [
        ("Sarmīn", "rocket_attack", 3), ("Armanāz", "airstrike", None)]


def test_hit_another_is_no_second_attack(gazetteer):
    text = ("Israeli jets struck near Palmyra early on Friday. The army said four warplanes had struck a military site "
            "near Palmyra and that its air defences had shot down one of the jets and hit another.")
    assert [i.place.name for i in run(text, gazetteer)] == ["Palmyra"]


def test_a_governorate_building_is_in_its_city_and_the_attack_set_against_an_election_keeps_its_day(gazetteer):
    text = ("Three gunmen stormed the Erbil governorate building on Monday morning, killing a government employee. "
            "The attack came as Kurdish parties prepare for parliamentary elections in the region on 30 September.")
    found = run(text, gazetteer, published=dt.date(2018, 7, 24))
    assert [(i.place.name, str(i.event_date)) for i in found] == [("Erbil", "2018-07-23")]


def test_a_second_explosion_told_in_arabic_is_another_incident(gazetteer):
    text = ("انفجرت سيارة مفخخة صباح اليوم في سوق مزدحم في مدينة الصدر. "
            "وبعد ساعة، انفجار ثان بسيارة مفخخة عند نقطة تفتيش على أحد مداخل مدينة الكاظمية.")
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2016, 5, 11))] == ["Sadr City", "Kadhimiya"]


def test_a_second_bomb_the_same_day_in_the_same_city_is_another_incident(gazetteer):
    text = ("A car bomb killed 16 people in Baghdad's Karrada district on Tuesday. Hours later, a second car bomb "
            "exploded near the al-Shuhada bridge in central Baghdad, killing 11.")
    found = run(text, gazetteer, published=dt.date(2017, 5, 30))
    assert [(i.place.name, i.fatalities) for i in found] == [("Karrada", 16), ("Baghdad", 11)]


def test_a_lede_near_a_city_and_the_village_it_names_next_are_one_strike(gazetteer):
    text = ("JERUSALEM, Aug 25 (Wire) - Israel said it struck Iranian forces near Damascus late on Saturday. "
            "The strike hit a house in the village of Aqraba, southeast of Damascus near the Sayyida Zeinab shrine. "
            "Hezbollah said two of its fighters were killed in the raid.")
    found = run(text, gazetteer, published=dt.date(2019, 8, 25))
    assert [(i.place.name, str(i.event_date), i.fatalities) for i in found] == [("Aqraba", "2019-08-24", 2)]


@pytest.mark.parametrize("text, places", [
    # a word that blocks ("زيارة", a visit) is a name after a place word
    ("وردت الفصائل مساء اليوم بقصف مواقع في محيط بلدة الزيارة بسهل الغاب بعشرات القذائف الصاروخية.", ["Az Ziyārah"]),
    # an ambiguous name after a place word that carries a preposition ("لقضاء المدينة": al-Madinah district)
    ("قتل شخصان في نزاع عشائري مسلح اندلع أمس في إحدى القرى التابعة لقضاء المدينة شمالي المحافظة.", ["Al Madīnah"]),
    # a base named as such is where it struck
    ("أعلنت المقاومة أنها استهدفت فجر اليوم «قاعدة الشدادي» جنوبي الحسكة بطائرة مسيرة.", ["al-Shaddadi"]),
    ("One Turkish soldier was killed on Wednesday when militants tried to infiltrate a Turkish position near "
     "Ras al-Ain.", ["Ras al-Ayn"]),
    # "the two cities of X and Y"
    ("ضربت سبعة تفجيرات متزامنة يوم الاثنين ٢٣ أيار/مايو ٢٠١٦ مدينتي جبلة وطرطوس.", ["Jablah", "Tartus"]),
    # where the displaced on the buses came from is no site
    ("انفجرت سيارة مفخخة اليوم بين حافلات تقل مهجرين من بلدتي الفوعة وكفريا كانت متوقفة في منطقة الراشدين غربي حلب.",
     ["Aleppo"]),
])
def test_place_words_and_where_people_came_from(gazetteer, text, places):
    assert [i.place.name for i in run(text, gazetteer)] == places


def test_towns_named_together_north_of_a_city(gazetteer):
    text = "Russian warplanes struck Syria on Wednesday, hitting the towns of Talbiseh and al-Rastan north of the city of Homs."
    assert [i.place.name for i in run(text, gazetteer)] == ["Tallbīsah", "Ar Rastan"]


@pytest.mark.parametrize("text, precision", [
    ("Clashes broke out in Iraq's Sinjar district on Monday.", 2),
    ("انفجرت عبوة ناسفة مساء أمس في قضاء الطارمية.", 2),
    ("Clashes broke out in the town of Sinjar on Monday.", 1),
    # only the wider area is named: not the town itself
    ("Government jets struck villages in the Tallkalakh countryside on Monday.", 2),
])
def test_a_towns_district_is_placed_at_the_town_with_district_precision(gazetteer, text, precision):
    (inc,) = run(text, gazetteer)
    assert inc.place.geo_precision == precision


def test_a_citys_district_is_the_site(gazetteer):
    (inc,) = run("A suicide bomber blew himself up in Baghdad's Karrada district on Sunday, killing 20 people.",
                 gazetteer, published=dt.date(2016, 7, 3))
    assert inc.place.name == "Karrada"


def test_a_road_from_a_named_town_in_a_citys_countryside_is_placed_at_the_town(gazetteer):
    text = ("قتل عنصران ظهر اليوم إثر استهداف طائرة مسيرة تركية سيارتهما على الطريق الواصل بين بلدة اليعربية "
            "وإحدى القرى المجاورة في ريف الحسكة الشرقي.")
    (inc,) = run(text, gazetteer)
    assert (inc.place.name, inc.fatalities) == ("al-Yarubiyah", 2)


def test_a_road_between_a_town_and_a_village_in_a_province(gazetteer):
    text = ("On Sunday a Turkish drone struck a pickup truck on the road between Qaladiza and the village of "
            "Zharawa in Pshdar district, Sulaimani province.")
    (inc,) = run(text, gazetteer, published=dt.date(2022, 6, 13))
    assert inc.place.name == "Qeładizê"


def test_the_attack_told_before_with_other_places_is_no_new_incident(gazetteer):
    text = ("استهدفت طائرة مسيرة مساء أمس حقل كورمور للغاز. "
            "وأوضحت الوزارة أن الهجوم لم يسفر عن أي إصابات، فيما انقطعت الكهرباء في أربيل والسليمانية ودهوك.")
    found = run(text, gazetteer, published=dt.date(2025, 11, 27))
    assert [(i.place.name, i.fatalities, i.injured) for i in found] == [("Khor Mor gas field", 0, 0)]


@pytest.mark.parametrize("framing, places", [
    # the attack told before, set against something else: its places and dates are not an attack's
    ("ويأتي التفجير في ظل استمرار التظاهرات الأسبوعية في ساحة التحرير منذ تموز الماضي.", ["Baqubah"]),
    ("ويعد التفجير الأعنف في ديالى منذ مطلع العام.", ["Baqubah"]),
    ("The bombing comes amid protests in Tahrir Square since July.", ["Baqubah"]),
    ("The bombing comes amid a string of rocket attacks this week on bases north of Baghdad.", ["Baqubah"]),
    ("Yesterday's bombing came as a fragile ceasefire was being tested by fighting near Damascus.", ["Baqubah"]),
    ("This is the first fatal bombing in the Baqubah area reported to us since August.", ["Baqubah"]),
    # … unless the sentence goes on to tell another attack
    ("ويأتي التفجير بعد أسبوعين من هجوم بعبوة ناسفة في الخالص في الثالث من تموز.", ["Baqubah", "Khāliş"]),
])
def test_a_sentence_that_frames_the_told_attack_is_no_new_incident(gazetteer, framing, places):
    text = "انفجرت سيارة مفخخة مساء أمس في سوق شعبي وسط مدينة بعقوبة، ما أسفر عن مقتل ١٢ شخصاً. " + framing
    found = run(text, gazetteer, published=dt.date(2015, 7, 18))
    assert [i.place.name for i in found] == places and found[0].fatalities == 12


def test_an_undated_retelling_in_the_wider_city_is_no_new_incident(gazetteer):
    text = ("انفجرت سيارة مفخخة صباح اليوم قرب مركز للشرطة في مدينة الميادين، ما أدى إلى مقتل خمسة عناصر. "
            "ولم تتبن أي جهة التفجير حتى الآن، غير أن مسؤولين رجحوا وقوف خلايا التنظيم النشطة في دير الزور وراءه.")
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2025, 5, 18))] == ["al-Mayadin"]


def test_the_attack_said_again_with_the_next_mornings_news_is_no_other_days_attack(gazetteer):
    text = ("استهدفت طائرة مسيرة مساء أمس مطار أربيل الدولي. "
            "ولم يسفر الهجوم عن أي خسائر، واستؤنفت حركة الملاحة في المطار بشكل طبيعي صباح اليوم.")
    found = run(text, gazetteer, published=dt.date(2024, 10, 13))
    assert [(i.place.name, str(i.event_date), i.fatalities) for i in found] == [
        ("Erbil International Airport", "2024-10-12", 0)]


def test_a_plan_to_attack_is_no_attack(gazetteer):
    text = ("Israel said it struck Iranian forces near Damascus late on Saturday, foiling a plan to launch "
            "explosive-laden drones at targets in northern Israel.")
    (inc,) = run(text, gazetteer, published=dt.date(2019, 8, 25))
    assert inc.incident_type == "airstrike"


@pytest.mark.parametrize("text, place", [
    ("انفجرت عبوة ناسفة مساء أمس على رتل شاحنات قرب ناحية سفوان جنوبي محافظة البصرة.", "Şafwān"),  # صفوان
    ("استهدفت طائرة مسيرة أمس سيارة قرب ناحية باطيفا في قضاء زاخو.", "Batifa"),  # باتيفا
    ("شنت طائرات حربية ليل أمس غارات على موقع عسكري قرب بلدة كفرشمس في ريف درعا.", "Kafr Shams"),  # كفر شمس
])
def test_arabic_press_spellings_of_emphatic_letters(gazetteer, text, place):
    assert [i.place.name for i in run(text, gazetteer)] == [place]


def test_a_chain_of_reference_points_is_one_incident_at_the_first(gazetteer):
    text = ("MOSUL (Northern Desk) - One soldier was killed on Sunday evening when a roadside bomb struck a vehicle "
            "on a rural road east of al-Qayyarah, south of Mosul, the command said on Monday.")
    (inc,) = run(text, gazetteer, published=dt.date(2022, 3, 28))
    assert (inc.place.name, inc.fatalities) == ("Qayyarah", 1)


def test_between_two_towns_only_says_where_the_site_lies(gazetteer):
    text = ("ERBIL (Hawler Herald English) - Militants attacked a Peshmerga position near Altun Kupri, between Erbil "
            "and Kirkuk, late on Sunday.")
    (inc,) = run(text, gazetteer, published=dt.date(2023, 1, 16))
    assert inc.place.name == "Altun Kupri"


def test_a_kunya_is_a_persons_name_and_a_chain_of_areas_is_one_site(gazetteer):
    text = ("On Aug. 4, CENTCOM forces conducted a strike near the town of Harim, killing Abu Hamza al-Urduni. "
            "Regime forces shelled the town of Ihsim in Jabal al-Zawiya in the southern Idlib countryside on Aug. 4.")
    found = run(text, gazetteer, published=dt.date(2024, 8, 6))
    assert sorted(i.place.name for i in found) == ["Iḩsim", "Ḩārim"]


def test_a_sub_district_near_which_villages_were_shelled(gazetteer):
    text = ("DUHOK - Turkish artillery shelled the outskirts of villages near the sub-district of Mangesh, north of "
            "Duhok, on Monday afternoon, wounding a farmer.")
    (inc,) = run(text, gazetteer, published=dt.date(2024, 10, 29))
    assert (inc.place.name, inc.injured) == ("Mangêsh", 1)


def test_a_headline_dated_by_the_lede_is_the_story_in_the_provinces_town(gazetteer):
    text = ("Syrian shelling kills Turkish soldiers in Idlib\n\n"
            "Seven Turkish soldiers were killed on Monday. The shelling hit a Turkish position near Saraqib on Monday.")
    (inc,) = run(text, gazetteer, published=dt.date(2020, 2, 3))
    assert (inc.place.name, inc.fatalities) == ("Saraqib", 7)


def test_the_provinces_countryside_after_a_town_is_its_area(gazetteer):
    text = ("Gunmen attacked a checkpoint in the town of Khasham, in the eastern Deir ez-Zor countryside, "
            "on Saturday night, killing two fighters.")
    (inc,) = run(text, gazetteer, published=dt.date(2024, 5, 20))
    assert inc.place.name == "Khushām"


@pytest.mark.parametrize("text, place", [
    ("An IED struck an army Humvee yesterday afternoon near Bartella, in Hamdaniya district east of Mosul.", "Barţalah"),
    ("Terrorists fired rocket shells today on Tal Salhab town in Hama northwestern countryside.", "Tall Salḩab"),
])
def test_the_district_or_countryside_after_a_site_is_its_area(gazetteer, text, place):
    assert [i.place.name for i in run(text, gazetteer)] == [place]


def test_the_rockets_air_defences_met_are_the_air_raid_told_before(gazetteer):
    text = ("عدوان إسرائيلي على مواقع في ريف دمشق ودرعا\n\n"
            "قال مصدر عسكري إن العدو الإسرائيلي نفذ فجر اليوم الأربعاء عدواناً جوياً من اتجاه الجولان، مستهدفاً نقاطاً "
            "في محيط مدينة الكسوة، إضافة إلى موقع قرب مدينة إزرع.\n\n"
            "وأضاف المصدر أن الدفاعات الجوية تصدت للصواريخ المعادية، وأن العدوان على الكسوة أدى إلى مقتل جنديين، "
            "فيما لم يسفر العدوان على محيط إزرع عن خسائر بشرية.")
    found = run(text, gazetteer, published=dt.date(2023, 7, 19))
    assert [(i.place.name, i.incident_type, i.fatalities) for i in found] == [
        ("Al Kiswah", "airstrike", 2), ("Izra‘", "airstrike", None)]


def test_the_drone_told_again_on_a_road_near_the_town_is_the_same_strike(gazetteer):
    text = ("قتل شخصان اليوم بضربة طائرة مسيرة إسرائيلية استهدفت سيارة قرب مدينة القنيطرة. "
            "وقال مصدر محلي إن المسيرة أطلقت صاروخاً على السيارة في أثناء مرورها على الطريق بين مدينة البعث وخان أرنبة.")
    (inc,) = run(text, gazetteer, published=dt.date(2024, 6, 19))
    assert (inc.incident_type, inc.fatalities) == ("drone_strike", 2)


@pytest.mark.parametrize("text, places", [
    ("A car bomb killed 20 people in Karrada in Baghdad on Sunday. Minutes later, a roadside bomb exploded in a "
     "market in the Shaab district, killing five.", ["Karrada", "Shaab"]),
    ("شنت طائرات تركية أمس غارات على مدينة عفرين. وبالتزامن مع الغارات، قصفت المدفعية التركية قرى تابعة لناحية راجو.",
     ["Afrin", "Rājū"]),
])
def test_an_attack_told_as_happening_later_or_alongside_is_another(gazetteer, text, places):
    assert [i.place.name for i in run(text, gazetteer)] == places


def test_the_aviation_sector_is_no_air_force(gazetteer):
    text = ("سقطت طائرة مسيرة مفخخة على قاعدة حرير أمس. "
            "وفي أربيل، قال مسؤولون في قطاع الطيران إن الإجراءات الأمنية في المطار شددت منذ صباح اليوم.")
    assert [(i.place.name, i.incident_type) for i in run(text, gazetteer)] == [("Harir Air Base", "drone_attack")]


@pytest.mark.parametrize("text", [
    "Q: Just to follow up on Ain al-Asad, was this the first ballistic missile fired at U.S. forces since March?",
    "هل كان القصف على قاعدة عين الأسد أمس الأول من نوعه منذ آذار؟",
    "\u201cThe fighting is in Mosul, but for us here it never stopped,\u201d a shopkeeper in the market said.",
    "Tal Kalakh, a town near the Jousieh border crossing, was a smuggling hub during the war and saw heavy fighting.",
    "Police later found the launch pad in an orchard in the al-Radwaniyah area, with a rocket that failed to fire.",
    "Gunmen and the army clashed for hours on Monday in the Mutaibija area, the sources said.",
    "Editor's note: This article was updated to correct the number of rockets that hit the base in Erbil on Monday.",
], ids=["question", "arabic question", "quote", "during the war", "launch pad found", "wide area", "editor's note"])
def test_questions_quotes_past_eras_finds_and_wide_areas_are_no_incidents(gazetteer, text):
    assert run(text, gazetteer) == []


@pytest.mark.parametrize("text, published, expected", [
    ("Two Katyusha rockets landed near Basra airport late on Friday, causing no damage. The attack came a day after "
     "three mortar rounds fell in Baghdad's Green Zone, the military said.", dt.date(2018, 9, 8),
     [("Basrah International Airport", "2018-09-07"), ("Green Zone", "2018-09-06")]),
    ("سقطت ثلاثة صواريخ كاتيوشا مساء الجمعة قرب مطار البصرة الدولي. ويأتي الهجوم بعد يومين من سقوط قذائف هاون على "
     "المنطقة الخضراء في بغداد.", dt.date(2018, 9, 8),
     [("Basrah International Airport", "2018-09-07"), ("Green Zone", "2018-09-05")]),
], ids=["a day after", "بعد يومين من"])
def test_an_attack_the_told_one_came_after_is_dated_before_it(gazetteer, text, published, expected):
    assert [(i.place.name, str(i.event_date)) for i in run(text, gazetteer, published=published)] == expected


@pytest.mark.parametrize("text", [
    "In March, rockets struck a U.S. artillery post near Makhmour set up to support troops massing for a push "
    "toward Mosul.",
    "Two rockets hit Makhmour on Monday. In Baghdad, the prime minister, who is fighting to keep his job after the "
    "May election, met the speaker.",
], ids=["push toward", "fighting to keep"])
def test_where_troops_are_headed_and_a_political_fight_are_no_sites(gazetteer, text):
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2016, 5, 4))] == ["Makhmour"]


def test_a_headline_south_of_a_city_is_the_storys_bomb_further_south(gazetteer):
    text = ("IED hits supply convoy south of Baghdad, driver lightly wounded\n\n"
            "A roadside bomb hit a convoy of supply trucks on the highway near Diwaniyah late on Wednesday, wounding "
            "one driver, a security official said.")
    (inc,) = run(text, gazetteer, published=dt.date(2021, 5, 27))
    assert (inc.place.name, str(inc.event_date), inc.injured) == ("Diwaniyah", "2021-05-26", 1)


def test_a_second_drone_of_the_same_attack_is_no_other_attack(gazetteer):
    text = ("Explosive-laden drones targeted Victory Base, next to Baghdad International Airport, and Balad Air Base "
            "early on Tuesday, officials said. At Victory Base, air defences shot down one drone, while at Balad a "
            "second drone crashed into an open area of the base.")
    found = run(text, gazetteer, published=dt.date(2022, 5, 24))
    assert [i.place.name for i in found] == ["Baghdad International Airport", "Balad Air Base"]


@pytest.mark.parametrize("text, places", [
    ("Rebels backed by Turkish artillery fought their way back into Saraqib on Thursday, reversing the biggest gain "
     "of the government's winter offensive in Idlib.", ["Saraqib"]),
    ("A car bomb killed 20 people in Sadr City on Tuesday. The bombing was among the deadliest in the capital this "
     "year and came after protesters stormed parliament in the Green Zone earlier this month.", ["Sadr City"]),
    ("A drone strike killed two men in Daraa on Friday. In Quneitra province, residents reported Israeli drone "
     "flights over villages this week.", ["Daraa"]),
    ("The protests followed a video circulated online showing an attack on a shrine in Aleppo.", []),
    ("وتتواصل معاناة النازحين الذين فروا من الفلوجة خلال المعارك، وتعاني المخيمات في عامرية الفلوجة نقصاً في المياه.", []),
], ids=["offensive in", "among the deadliest", "drone flights", "video", "خلال المعارك"])
def test_campaigns_comparisons_flights_videos_and_past_battles_are_no_new_sites(gazetteer, text, places):
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2020, 2, 29))] == places


def test_a_breaking_news_item_is_told_on_its_day(gazetteer):
    text = ("عاجل | انفجار عنيف يهز سوقاً شعبية في مدينة الصدر شرقي بغداد.\n"
            "عاجل | رئيس الوزراء يوجه بفتح تحقيق عاجل في الخرق الأمني.")
    (inc,) = run(text, gazetteer, published=dt.date(2016, 5, 11))
    assert (inc.place.name, str(inc.event_date), inc.time_precision) == ("Sadr City", "2016-05-11", 1)


@pytest.mark.parametrize("text, places", [
    ("وبحسب إحصاءات غير رسمية، قُتل أكثر من ٧٠ شخصاً في تفجيرات متفرقة في بغداد منذ مطلع تشرين الأول/أكتوبر الجاري.", []),
    ("ويعد هذا الهجوم الأول على مطار أربيل منذ أيلول/سبتمبر الماضي، حين أطلقت ستة صواريخ على المطار.",
     ["Erbil International Airport"]),
], ids=["since a month: a tally", "since a month, when: that month's attack"])
def test_an_arabic_toll_told_since_a_month_is_a_tally(gazetteer, text, places):
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2015, 10, 20))] == places


def test_a_strike_on_a_hideout_is_an_attack(gazetteer):
    text = ("بناء على معلومات استخبارية، وجهت طائرات القوة الجوية العراقية اليوم الأربعاء ضربة جوية على وكر لعصابات "
            "داعش قرب قضاء الرطبة، أسفرت عن مقتل خمسة إرهابيين وتدمير الوكر وعجلة كانت بحوزتهم.")
    (inc,) = run(text, gazetteer, published=dt.date(2019, 11, 20))
    assert (inc.place.name, inc.incident_type, inc.fatalities) == ("Rutba", "airstrike", 5)


def test_rebels_rockets_on_the_city_the_day_after_an_air_raid_are_their_own_attack(gazetteer):
    text = ("Syrian jets struck a hospital in the al-Sukkari district of Aleppo on Wednesday, killing 27 people. "
            "On Thursday, rebels fired rockets and mortar shells at government-held districts in the west of the "
            "city, killing at least four people, state media said.")
    found = run(text, gazetteer, published=dt.date(2016, 4, 28))
    assert [(str(i.event_date), i.incident_type) for i in found] == [
        ("2016-04-27", "airstrike"), ("2016-04-28", "rocket_attack")]
    assert found[1].actor1 == "Syrian opposition"


@pytest.mark.parametrize("aside", [
    "Analysts say the strikes on Deir ez-Zor are meant to send a message to Tehran.",
    "The strike on al-Qaim was the third U.S. retaliation this year.",
    "Authorities imposed a curfew in Kirkuk after the bombing.",
])
def test_the_definite_attack_at_another_place_with_no_date_is_an_aside(gazetteer, aside):
    text = "A roadside bomb killed two soldiers near Samarra on Tuesday, police said. " + aside
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2023, 5, 10))] == ["Samarra"]


def test_the_strikes_also_hit_more_sites_of_the_same_raid(gazetteer):
    text = ("دانت الخارجية السورية الغارات الإسرائيلية التي استهدفت مساء أمس الأربعاء مطار حماة العسكري. "
            "كما طالت الضربات مطار التيفور العسكري في ريف حمص الشرقي.")
    found = run(text, gazetteer, published=dt.date(2025, 4, 3))
    assert [i.place.name for i in found] == ["Hamah Air Base", "Tiyas Air Base"]


@pytest.mark.parametrize("aside", [
    "In 2019, a car bomb in Karbala killed 12 people.",
    "وفي عام ٢٠١٩، قتل ١٢ شخصاً بتفجير سيارة مفخخة في كربلاء.",
    "The province of Anbar saw some of the fiercest fighting of the war against Islamic State.",
    "Sporadic clashes continue in the villages east of Manbij.",
    "وتعرض مطار أربيل لهجمات عدة بطائرات مسيرة خلال العامين الماضيين.",
    "وكانت مدينة الرمادي قد شهدت هجمات مماثلة في السنوات التي أعقبت تحريرها.",
    "Satellite images analysed by researchers show damage at the T4 air base consistent with earlier strikes.",
], ids=["in a year", "في عام", "of the war", "continue in", "خلال العامين الماضيين", "في السنوات التي", "satellite"])
def test_attacks_set_in_a_year_a_war_or_an_ongoing_run_are_background(gazetteer, aside):
    text = "A roadside bomb killed two soldiers near Samarra on Tuesday, police said. " + aside
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2023, 5, 10))] == ["Samarra"]


@pytest.mark.parametrize("follow, place, day", [
    ("A day earlier, a mortar round landed near a checkpoint in Baiji, wounding a soldier.", "Baiji", "2023-05-08"),
    ("The next day, gunmen attacked an army post in Dujail, killing one soldier.", "Ad Dujayl", "2023-05-10"),
    ("وفي اليوم التالي، قتل جندي بهجوم مسلح على نقطة للجيش في الدجيل.", "Ad Dujayl", "2023-05-10"),
], ids=["a day earlier", "the next day", "اليوم التالي"])
def test_a_day_told_from_the_one_just_told(gazetteer, follow, place, day):
    text = "A roadside bomb killed two soldiers near Samarra on Tuesday, police said. " + follow
    found = run(text, gazetteer, published=dt.date(2023, 5, 11))
    assert [(i.place.name, str(i.event_date)) for i in found] == [("Samarra", "2023-05-09"), (place, day)]


def test_an_air_raid_on_a_nearby_town_the_same_day_is_another(gazetteer):
    text = ("Russian airstrikes on a market in Maarat al-Numan killed 31 people on Monday, rescuers said. "
            "On the same day, warplanes struck homes in the town of Saraqib, killing a woman and her two children.")
    found = run(text, gazetteer, published=dt.date(2019, 7, 23))
    assert [(i.place.name, str(i.event_date)) for i in found] == [
        ("Maarat al-Numan", "2019-07-22"), ("Saraqib", "2019-07-22")]


@pytest.mark.parametrize("victims, killed", [
    ("killing a woman and her two children", 3),
    ("killing two men and a boy", 3),
    ("killing a commander and two of his guards", 3),
    ("killing a soldier and wounding two others", 1),
])
def test_victims_joined_by_and_are_counted_together(gazetteer, victims, killed):
    (inc,) = run(f"Warplanes struck homes in Saraqib on Monday, {victims}.", gazetteer, published=dt.date(2019, 7, 23))
    assert inc.fatalities == killed


def test_troops_based_where_drones_struck_are_the_target(gazetteer):
    text = "Drones attacked the Conoco gas field in Deir ez-Zor, where U.S. troops are based, on Saturday."
    (inc,) = run(text, gazetteer, published=dt.date(2023, 5, 10))
    assert (inc.incident_type, inc.actor1, inc.actor2) == ("drone_attack", "", "US forces")


@pytest.mark.parametrize("text, places", [
    ("وفي مدينة حمص، انفجرت سيارة مفخخة صباح اليوم الأحد قرب دوار في أحد الأحياء.", ["Homs"]),
    ("وقتل عنصران من الحشد اليوم بهجوم على نقطة قرب داقوق. وقال مصدر لـ«بابا كركر اليوم» إن المهاجمين فتحوا النار "
     "على النقطة اليوم.", ["Dāqūq"]),
    ("تتواصل المعارك لليوم الثامن على التوالي منذ سيطرة المسلحين على مدينة الموصل.", []),
    ("On Sunday morning, a roadside bomb exploded next to a military vehicle on the main road through al-Busayrah, "
     "about 60 km north-west of Hajin.", ["Al Buşayrah"]),
    ("Coalition drone strike near Hajin as Deir ez-Zor tensions rise", ["Hajin"]),
    ("Gunmen killed two soldiers near Samarra on Tuesday. Analysts said the militants' thrust toward Baiji was aimed "
     "at the refinery.", ["Samarra"]),
    ("A drone strike killed two men near Maarat al-Numan on Friday. The strike comes amid an escalation of shelling "
     "and air strikes on southern Idlib since mid-November.", ["Maarat al-Numan"]),
], ids=["وفي", "a quoted outlet", "على التوالي", "road through", "as … tensions", "thrust toward", "escalation of"])
def test_places_in_joined_clauses_names_and_trends(gazetteer, text, places):
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2025, 6, 22))] == places


def test_a_headline_merges_with_the_story_at_its_own_place_first(gazetteer):
    text = ("Militants overrun army camp near Falluja; car bomb kills four near Abu Ghraib\n\n"
            "Separately, a car bomb exploded at a checkpoint on the outskirts of Abu Ghraib, west of Baghdad, on "
            "Saturday, killing four people and wounding nine.")
    found = run(text, gazetteer, published=dt.date(2014, 9, 22))
    assert ("Abu Ghraib", "2014-09-20") in [(i.place.name, str(i.event_date)) for i in found]
    assert [i.place.name for i in found].count("Abu Ghraib") == 1


def test_shells_fired_by_others_after_an_air_raid_are_their_own_attack(gazetteer):
    text = ("At least 23 civilians were killed on Tuesday when warplanes struck the town of Kafr Batna east of "
            "Damascus. Rebel groups fired mortar shells at the capital on Tuesday. One of the shells struck the Bab "
            "Touma area of Damascus, killing a woman and wounding 11 people.")
    found = run(text, gazetteer, published=dt.date(2018, 2, 21))
    assert [(i.incident_type, i.fatalities, i.injured) for i in found] == [("airstrike", 23, None),
                                                                          ("rocket_attack", 1, 11)]


def test_a_negated_targeting_is_no_attack(gazetteer):
    text = ("قصفت طائرات مجهولة مواقع للحشد قرب البوكمال أمس. وفي بغداد، أكدت قيادة العمليات المشتركة أن قطعات "
            "الحشد داخل الأراضي العراقية لم تتعرض لأي استهداف.")
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2018, 6, 18))] == ["Albu Kamal"]


def test_a_while_clause_tells_its_own_attack_day_and_means(gazetteer):
    text = ("قُتل شخصان، أمس السبت، جراء استهداف طائرة مسيرة تركية سيارة مدنية قرب مدينة القامشلي، فيما تعرضت قرى "
            "في محيط بلدة تل تمر لقصف مدفعي تركي صباح اليوم الأحد.")
    found = run(text, gazetteer, published=dt.date(2022, 4, 10))
    assert [(i.place.name, i.incident_type, str(i.event_date)) for i in found] == [
        ("Qamishli", "drone_strike", "2022-04-09"), ("Tall Tamr", "rocket_attack", "2022-04-10")]


@pytest.mark.parametrize("text, places", [
    ("أعلنت مديرية شرطة ديالى اعتقال مطلوبين اثنين في قضاء المقدادية، فيما أعلنت خلية الإعلام الأمني أن طائرات "
     "التحالف نفذت ضربات على أوكار للتنظيم في مناطق جبلية وعرة.", []),
    ("قتل جنديان بانفجار عبوة ناسفة قرب سامراء يوم السبت. وفي بغداد، وجّه رئيس الوزراء بتشكيل لجنة تحقيق للكشف عن "
     "الجهات التي تقف وراء الهجمات، مؤكداً أن «استهداف المنشآت في أي جزء من العراق هو استهداف لكل العراقيين».",
     ["Samarra"]),
    ("ووثق المرصد مقتل أكثر من 150 مدنياً في إدلب منذ مطلع الشهر الجاري، في حين تقول فصائل المعارضة إن القوات "
     "الحكومية تحشد قواتها استعداداً لهجوم بري.", []),
    ("وقال أحد سكان تل تمر إن الناس يخشون أن يتحول القصف إلى هجوم بري، وإن عائلات عدة غادرت القرى نحو مدينة الحسكة.",
     []),
    ("Drone attacks on oil and gas fields near Erbil over the summer disrupted output.", []),
    ("A roadside bomb killed two SDF members near Hajin on Saturday. With these losses, the number of SDF members "
     "killed in attacks by ISIS cells in Deir ez-Zor, Hasakah and Raqqa since January has risen to 40.", ["Hajin"]),
], ids=["arrest, while strikes", "reaction in Baghdad", "في حين", "fear, left towards", "over the summer",
        "the number of"])
def test_arrests_reactions_tallies_fears_and_seasons_are_no_incidents(gazetteer, text, places):
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2022, 4, 10))] == places


def test_days_after_counts_back_from_the_sentences_own_day(gazetteer):
    text = ("An Iraqi soldier was killed on Wednesday when a roadside bomb hit a patrol near Tarmiyah, two days after "
            "militants attacked an army post near the town of Dujail.")
    found = run(text, gazetteer, published=dt.date(2017, 2, 9))
    assert [(i.place.name, str(i.event_date), i.fatalities) for i in found] == [("Aţ Ţārmīyah", "2017-02-08", 1),
                                                                               ("Ad Dujayl", "2017-02-06", None)]


@pytest.mark.parametrize("text, expected", [
    ("Three SDF members were killed on Wednesday when ISIS cells attacked an SDF checkpoint in Hajin town.",
     [("Hajin", "clash")]),
    ("A roadside bomb killed two soldiers near Samarra on Tuesday. Officials say sleeper cells still carry out "
     "sporadic attacks in the rural belt around Tarmiyah.", [("Samarra", "ied")]),
], ids=["cells attacked", "cells still carry out"])
def test_cells_attacking_is_ground_fighting_and_their_habits_are_no_incident(gazetteer, text, expected):
    assert [(i.place.name, i.incident_type) for i in run(text, gazetteer, published=dt.date(2021, 5, 6))] == expected


@pytest.mark.parametrize("text, places", [
    ("سقطت صباح اليوم الأحد قذائف صاروخية على مدينة مارع، قالت مصادر محلية إنها أُطلقت من مناطق انتشار القوات "
     "الكردية وقوات النظام في محيط تل رفعت.", ["Māri‘"]),
    ("On Wednesday, shells fired from areas around Tal Rifaat struck the town of Azaz, killing one civilian.", ["Azaz"]),
    ("وأكد مصدر أن الاشتباكات في الرطبة تواصلت حتى ساعة متأخرة من الليل، وأن التعزيزات التي أُرسلت من قاعدة عين "
     "الأسد وصلت إلى أطراف القضاء صباح اليوم.", ["Rutba"]),
    ("شن مسلحو داعش أمس هجوماً على قضاء الرطبة، في محاولة لتخفيف الضغط عن عناصره في الموصل.", ["Rutba"]),
], ids=["أُطلقت من … في محيط", "fired from areas around", "أُرسلت من", "تخفيف الضغط عن"])
def test_where_weapons_and_reinforcements_came_from_and_purposes_are_no_sites(gazetteer, text, places):
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2019, 11, 17))] == places


@pytest.mark.parametrize("aside", [
    "ويرى مراقبون أن تكرار الاشتباكات في طوزخورماتو يعكس غياب ترتيبات أمنية واضحة.",
    "وسط توقعات بأن تتركز المعارك المقبلة في العياضية والمناطق القريبة من جبل سنجار.",
], ids=["يرى مراقبون / تكرار", "توقعات / المعارك المقبلة"])
def test_analysis_and_outlooks_in_arabic_are_no_incidents(gazetteer, aside):
    text = "قتل جنديان بانفجار عبوة ناسفة قرب سامراء يوم الثلاثاء. " + aside
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2023, 5, 10))] == ["Samarra"]


def test_a_headline_in_the_provinces_seat_is_the_storys_bomb_in_the_province(gazetteer):
    text = ("Israeli strikes kill five near Damascus; roadside bomb hits army truck in Daraa\n\n"
            "In a separate incident, a roadside bomb struck an army truck on Friday near the town of Izra in Daraa "
            "province, killing two soldiers.")
    found = run(text, gazetteer, published=dt.date(2020, 7, 21))
    assert [i.place.name for i in found if i.incident_type == "ied"] == ["Izra‘"]


@pytest.mark.parametrize("text, expected", [
    ("A car bomb exploded in a market in Abu Ghraib, on the western edge of Baghdad, on Wednesday, killing six.",
     [("Abu Ghraib", "2017-03-08")]),
    ("- Two incidents this week: a roadside bomb in Fallujah (Tuesday) and an attack on a checkpoint in Tuz Khurmatu "
     "(Thursday).", [("Fallujah", "2017-03-07"), ("Tuz Khurmatu", "2017-03-09")]),
    ("قُتل جنديان صباح اليوم الخميس بانفجار عبوة ناسفة قرب قضاء المقدادية، فيما سقطت قذائف هاون مساء أمس على قرية "
     "تابعة لقضاء بلدروز شرقي المحافظة.", [("Muqdadiyah", "2017-03-09"), ("Baladrūz", "2017-03-08")]),
    ("قُتل شخصان مساء أمس جراء استهداف طائرة مسيرة سيارة على الطريق الواصل بين مدينة عامودا وقرية مجاورة لها، فيما "
     "قصفت المدفعية التركية صباح اليوم قرى في ريف بلدة تل تمر.", [("‘Āmūdā", "2017-03-08"), ("Tall Tamr", "2017-03-09")]),
    ("- On 4 November, artillery shells hit residential areas of Sarmin, east of Idlib city.", [("Sarmīn", "2016-11-04")]),
], ids=["edge of", "and an attack", "قرية تابعة لقضاء", "road end, فيما", "residential areas of"])
def test_each_clause_keeps_its_own_place(gazetteer, text, expected):
    found = run(text, gazetteer, published=dt.date(2017, 3, 9))
    assert [(i.place.name, str(i.event_date)) for i in found] == expected


@pytest.mark.parametrize("aside", [
    "Partners recorded more than 40 incidents of shelling and air strikes in Idlib and western Aleppo during October.",
    "A missile landed among tents near Tal Rifaat, sheltering families originally from southern Idlib and Hama.",
    "Cells remain active in the desert near Deir ez-Zor, where they periodically ambush government troops.",
    "وبحسب مكتب التوثيق، وثق المكتب خلال شهر نيسان الماضي أكثر من 30 عملية ومحاولة اغتيال في درعا.",
    "ونقلت وكالات روسية عن مسؤولين قولهم إن العمليات تستهدف الإرهابيين الذين يهاجمون قاعدة حميميم بالطائرات المسيرة.",
    "وقالت مصادر في درعا إن الدولة لن تتهاون مع من يستهدف عناصر الجيش، ملوحة بعمليات عسكرية.",
    "ولم يصدر أي تعليق روسي على غارات اليوم، إلا أن المركز الروسي في قاعدة حميميم يتهم بين حين وآخر المسلحين باستهداف "
    "المناطق الآمنة.",
    "وأبعد الاتفاق شبح هجوم واسع كانت دمشق وحلفاؤها يستعدون لشنه على إدلب.",
], ids=["recorded more than", "originally from", "periodically", "خلال شهر", "يهاجمون", "ملوحة", "لم يصدر أي تعليق",
        "شبح هجوم"])
def test_tallies_origins_habits_and_threats_are_background(gazetteer, aside):
    text = "A roadside bomb killed two soldiers near Samarra on Tuesday, police said. " + aside
    found = run(text, gazetteer, published=dt.date(2022, 11, 8))
    assert [i.place.name for i in found if i.place.name != "Tall Rif‘at"] == ["Samarra"]


def test_a_statements_day_is_not_the_attacks(gazetteer):
    text = ("قُتل عنصران من قسد ليلة أمس بهجوم على حاجز في بلدة البصيرة. "
            "من جهته، أكد مجلس دير الزور العسكري في بيان صباح اليوم وقوع الهجوم على إحدى نقاطه في البصيرة.")
    found = run(text, gazetteer, published=dt.date(2022, 2, 12))
    assert [(i.place.name, str(i.event_date)) for i in found] == [("Al Buşayrah", "2022-02-11")]


def test_a_headline_town_stays_when_the_story_names_only_its_province(gazetteer):
    text = ("U.S. says drone strike near al-Dana killed al-Qaeda-linked commander\n\n"
            "The U.S. military said on Monday that it had killed a senior member of an al-Qaeda-aligned group in a "
            "drone strike in Syria's Idlib province on Sunday.")
    (inc,) = run(text, gazetteer, published=dt.date(2023, 6, 12))
    assert (inc.place.name, str(inc.event_date)) == ("Ad Dānā", "2023-06-11")


@pytest.mark.parametrize("aside", [
    "من جهته، دعا رئيس الوزراء في بيان إلى اليقظة والحذر، معتبراً أن التنظيم يلجأ إلى استهداف المدنيين في الرمادي.",
    "وامتنع المسؤول عن التعليق على الهجوم الصاروخي على حقل العمر، مكتفياً بالقول إن التقييم لا يزال جارياً.",
    "وتتواصل العمليات التي انطلقت في 17 تشرين الأول الماضي لاستعادة مدينة الموصل.",
], ids=["دعا", "عن التعليق على", "التي انطلقت في"])
def test_reactions_and_campaign_starts_are_no_incidents(gazetteer, aside):
    text = "قتل جنديان بانفجار عبوة ناسفة قرب سامراء يوم الثلاثاء. " + aside
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2016, 11, 2))] == ["Samarra"]


def test_an_undated_blast_told_after_a_strike_is_the_strikes(gazetteer):
    text = ("A U.S. drone strike near al-Dana killed an al-Qaeda-linked commander on Sunday, the military said. "
            "Residents described a single blast on the road between al-Dana and Sarmada.")
    found = run(text, gazetteer, published=dt.date(2023, 6, 12))
    assert [(i.place.name, i.incident_type) for i in found] == [("Ad Dānā", "drone_strike")]



@pytest.mark.parametrize("text, expected", [
    ("قُتل شخصان أمس بقصف طائرة مسيرة على سيارة في الدرباسية. وأكد مراسل «قامشلو اليوم» في الدرباسية أن السيارة أُصيبت "
     "بصاروخ واحد.", [("Ad Darbāsīyah", "2022-02-12")]),
    ("Two men were killed on Friday when a drone struck their truck in Sinjar. The strike hit the truck near the "
     "town's market, according to an official who spoke to Shingal Today English.", [("Sinjar", "2022-02-11")]),
    ("- Airstrike reported on the outskirts of Ad Dana, northern Idlib, on 9 February; no casualties reported.",
     [("Ad Dānā", "2022-02-09")]),
    ("A firefight between soldiers and members of the Sinjar Resistance Units in Sinjar town on Tuesday and a drone "
     "strike on a car near Khanasor on Wednesday raised tension.", [("Sinjar", "2022-02-08"), ("Khanasor", "2022-02-09")]),
    ("تصدت الدفاعات الجوية فجر اليوم لعدوان إسرائيلي استهدف نقاطاً في ريف دمشق. وقال المصدر إن العدو نفذ فجر اليوم "
     "عدواناً بالصواريخ مستهدفاً نقاطاً في محيط بلدة الديماس بريف دمشق.", [("Ad Dīmās", "2022-02-13")]),
    ("Al-Busayrah (eastern Deir ez-Zor): On Thursday, a roadside bomb struck an SDF patrol near the town of "
     "al-Busayrah, killing two fighters.", [("Al Buşayrah", "2022-02-10")]),
], ids=["«قامشلو اليوم»", "Shingal Today", "northern Idlib", "and a drone strike", "ريف دمشق then الديماس",
        "X (eastern Y):"])
def test_names_and_areas_that_are_no_days_or_second_sites(gazetteer, text, expected):
    found = run(text, gazetteer, published=dt.date(2022, 2, 13))
    assert [(i.place.name, str(i.event_date)) for i in found] == expected


@pytest.mark.parametrize("text, places", [
    ("وأكدت خلية الإعلام الأمني أن مجموعة حاولت التعرض لإحدى نقاط الجيش، ومشيرة إلى أن الطيران الحربي يلاحق المهاجمين قرب "
     "خانقين.", []),
    ("An Islamic State suicide bomber hit an army position near Karmah on Tuesday as forces pressed an offensive to "
     "retake Fallujah.", ["Karmah"]),
    ("On Wednesday, air strikes near the town of Hit destroyed weapons stores of militants trying to move "
     "reinforcements towards Ramadi.", ["Hit"]),
    ("Human rights groups say the rising civilian toll from air strikes in Raqqa and in Mosul shows the cost.", []),
    ("Our correspondent near Kobani reports a heavy presence of drones over the countryside this morning.", []),
    ("Rocket and drone attacks on bases and on the U.S. embassy in Baghdad became frequent after January 2020.", []),
    ("قصفت الطائرات الإسرائيلية أمس عدداً من الدبابات كانت تتجه نحو منطقة السويداء.", []),
    ("Late on Monday, a drone struck a car near the town of Khanasor, killing one man, according to a doctor at the "
     "hospital in Sinjar town.", ["Khanasor"]),
], ids=["يلاحق المهاجمين", "to retake", "reinforcements towards", "civilian toll from", "presence of drones",
        "became frequent", "تتجه نحو", "hospital in"])
def test_pursuits_aims_tallies_and_trends_place_no_second_incident(gazetteer, text, places):
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2016, 5, 25))] == places


@pytest.mark.parametrize("aside", [
    "قُتل وأُصيب عشرات الأشخاص صباح اليوم في هجوم بسيارة مفخخة استهدف مدينة تكريت، في وقت تنشغل فيه القوات بمعارك "
    "استعادة مدينة الموصل.",
    "وفي بغداد، دانت وزارة الخارجية الهجوم، فيما طالب نواب بفتح تحقيق في كيفية عبور سيارة مفخخة.",
    "ويُعدّ استهداف الساحل السوري أقل تكراراً من الضربات، إذ يضم الساحل قاعدة حميميم ومرفأ طرطوس.",
    "وفي دمشق، قال محلل عسكري إن الدفاعات الجوية تتعامل مع كل عدوان بالإمكانات المتاحة.",
    "ويتبادل الطرفان الاتهامات، إذ تقول موسكو إن الجماعات الإرهابية تستهدف قاعدة حميميم.",
    "Islamic State has carried out a series of bombings this year, including a double bombing in Qamishli in the summer.",
    "Some politicians in Baghdad worry that a U.S. departure could leave Iraq exposed, as when drones and missiles "
    "crossed Iraqi airspace in June.",
], ids=["بمعارك استعادة", "دانت", "أقل تكراراً", "محلل عسكري", "يتبادل الطرفان", "a series of / in the summer",
        "worry that"])
def test_campaign_aims_reactions_comparisons_and_outlooks_place_no_other_site(gazetteer, aside):
    found = run(aside, gazetteer, published=dt.date(2016, 11, 6))
    assert [i.place.name for i in found if i.place.name != "Tikrit"] == []


def test_a_farm_is_no_town_named_farm(gazetteer):
    text = ("قال الدفاع المدني إن طائرة حربية روسية شنّت غارتين على مزرعة لتربية الدواجن في أطراف كفرتخاريم ظهر "
            "السبت، ما أدى إلى مقتل رجل.")
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2021, 9, 12))] == ["Kafr Takhārīm"]


def test_a_ceasefires_signing_day_is_no_attacks_day(gazetteer):
    text = ("قصفت قوات النظام أمس قرى في جبل الزاوية. وتأتي هذه الهجمات رغم اتفاق وقف إطلاق النار الموقّع بين روسيا "
            "وتركيا في الخامس من آذار ٢٠٢٠ في إدلب.")
    assert "2020-03-05" not in [str(i.event_date) for i in run(text, gazetteer, published=dt.date(2021, 9, 12))]


def test_a_while_clause_takes_its_own_figures_and_artillery_is_no_jets_missile(gazetteer):
    text = ("قُتل مدنيان وأُصيب ثلاثة آخرون، أمس الأربعاء، جراء غارات شنتها طائرات حربية روسية على أطراف مدينة أريحا، "
            "فيما أُصيب أربعة مدنيين، بينهم طفلان، صباح اليوم الخميس بقصف مدفعي استهدف مدينة سرمين. "
            "وفي سرمين، أفاد ناشطون بأن قذائف مدفعية سقطت صباح اليوم على حي سكني في المدينة.")
    found = run(text, gazetteer, published=dt.date(2021, 9, 23))
    assert [(i.place.name, i.incident_type, i.fatalities, i.injured) for i in found] == [
        ("Arīḩā", "airstrike", 2, 3), ("Sarmīn", "rocket_attack", None, 4)]


@pytest.mark.parametrize("text, places", [
    ("Deadly clash in Dhiban and roadside bomb in al-Busayrah as tensions rise in eastern Deir ez-Zor",
     ["Dhībān", "Al Buşayrah"]),
    ("A drone hit a car near Sinjar on Monday. Russia said the Hmeimim base had been targeted by drones for the third "
     "time this month.", ["Sinjār"]),
    ("قُتل جنديان أمس بهجوم قرب طوزخورماتو. ويأتي الحادث بعد الضربة الغامضة التي استهدفت مقراً للحشد في ناحية آمرلي.",
     ["Tuz Khurmatu"]),
], ids=["tensions rise in", "for the third time this month", "ويأتي الحادث بعد"])
def test_moods_counts_and_earlier_undated_strikes_place_nothing(gazetteer, text, places):
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2019, 1, 29))] == places


def test_a_site_across_the_border_is_no_retelling_of_the_one_close_by(gazetteer):
    text = ("US forces carried out strikes on Friday against targets linked to Iran's Revolutionary Guards. In Iraq, "
            "US strikes hit Kataib Hezbollah sites in al-Qaim and Akashat. In Syria, strikes targeted positions near "
            "Albu Kamal and in al-Mayadin.")
    found = run(text, gazetteer, published=dt.date(2024, 2, 3))
    assert [i.place.name for i in found] == ["al-Qaim", "Akashat", "Albu Kamal", "al-Mayadin"]


def test_a_day_before_dates_the_other_attack_the_day_after(gazetteer):
    text = ("A Turkish drone strike on a vehicle in the hills killed one man on Thursday evening, local officials said, "
            "a day before Iranian artillery shelled villages on the outskirts of the border town of Penjwen.")
    found = run(text, gazetteer, published=dt.date(2020, 6, 27))
    assert [(i.place.name, str(i.event_date)) for i in found] == [("Baynjiwayn", "2020-06-26")]


def test_the_frames_own_attack_word_is_no_other_attack(gazetteer):
    text = ("A roadside bomb killed two soldiers near Samarra on Tuesday. "
            "The bombing was the second attack on security forces in Salahuddin province this month.")
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2021, 3, 7))] == ["Samarra"]


@pytest.mark.parametrize("aside", [
    "Partners report daily shelling along the western Aleppo and southern Idlib frontlines.",
    "Wednesday's strike is one of several announced by Iraqi authorities in recent weeks against ISIS remnants in "
    "Salah al-Din, Kirkuk and Diyala.",
    "The Interior Ministry in Damascus gave a similar account in a statement on Wednesday, saying that gunmen attacked "
    "the post.",
    "- ISIS activity in eastern Deir ez-Zor is steady, with IEDs against SDF patrols the main tactic.",
    "- Bombings in Turkish-controlled areas of northern Aleppo remain the most lethal threat to civilians.",
    "- Likely: further IEDs against army patrols in Tikrit; continued shelling near Tuz Khurmatu.",
    "- Possible: another car bomb in Kirkuk; renewed strikes on militant hideouts near Hawija.",
], ids=["daily", "is one of several", "ministry in", "is steady / main tactic", "remain the most", "Likely:",
        "Possible:"])
def test_assessments_and_the_speakers_seat_place_no_incident(gazetteer, aside):
    text = "A roadside bomb killed two soldiers near Samarra on Wednesday, police said. " + aside
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2021, 7, 29))] == ["Samarra"]


@pytest.mark.parametrize("text", [
    "Three killed as drone hits car near Chamchamal; Sulaimani officials blame Turkey",
    "A drone struck a car near Chamchamal on Saturday, killing three men. Sulaimani officials blamed Turkey.",
], ids=["headline", "story"])
def test_a_place_that_names_the_speakers_is_no_site(gazetteer, text):
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2023, 6, 11))] == ["Jamjamāl"]


def test_a_drone_strike_called_a_strike_later_is_one_incident(gazetteer):
    text = ("TAMPA, Fla. - U.S. forces conducted an unmanned aircraft strike near the town of Jisr al-Shughur on May 2, "
            "killing a senior operative. Residents said a car was struck on a road on the outskirts of Jisr al-Shughur in the "
            "late afternoon and burst into flames.")
    found = run(text, gazetteer, published=dt.date(2023, 5, 3))
    assert [(i.place.name, i.incident_type) for i in found] == [("Jisr al-Shughur", "drone_strike")]


def test_a_features_first_attack_takes_the_place_and_day_of_the_scene_before_it(gazetteer):
    text = ("A road that still kills\n\nQAYYARAH, Iraq - The minibus left the market in Qayyarah just after seven on "
            "Thursday morning, carrying labourers to the farms. A few kilometres out of town, a bomb buried in the "
            "gravel shoulder went off under its front wheels.\n\nFour passengers were killed and seven were wounded.")
    found = run(text, gazetteer, published=dt.date(2019, 9, 14))
    assert [(i.place.name, str(i.event_date), i.incident_type, i.fatalities, i.injured) for i in found] == [
        ("Qayyarah", "2019-09-12", "ied", 4, 7)]
    assert "minibus left the market" in found[0].evidence


def test_a_scene_is_no_site_for_a_word_that_tells_no_attack(gazetteer):
    text = ("Troops marched through Baghdad in a military parade on Sunday. Aircraft flew over the capital trailing "
            "the colours of the national flag.")
    assert run(text, gazetteer, published=dt.date(2017, 12, 10)) == []


@pytest.mark.parametrize("text", [
    "In August, rockets fired from the Qarachogh hills landed near Makhmour, the district town.",
    "وكانت صواريخ أطلقت من منطقة جبال قرجوغ قد سقطت قرب مخمور في آب الماضي.",
], ids=["landed near", "سقطت قرب"])
def test_where_rockets_fired_from_elsewhere_landed_is_the_site(gazetteer, text):
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2019, 9, 14))] == ["Makhmour"]


def test_no_one_else_hurt_leaves_the_dead_standing(gazetteer):
    text = ("On Sunday, a roadside bomb killed two farmers on a tractor near Hawija. No one else was hurt, the police "
            "chief said.")
    assert [(i.fatalities, i.injured) for i in run(text, gazetteer, published=dt.date(2019, 4, 10))] == [(2, 0)]


def test_a_separate_incident_that_retells_the_ledes_second_attack_is_kept_once(gazetteer):
    text = ("قُتل عنصران من الحشد مساء أمس الأربعاء بهجوم شنّه مسلحون على نقطة قرب ناحية آمرلي، فيما أُصيب جنديان بانفجار عبوة "
            "ناسفة استهدفت دورية للجيش قرب قضاء طوز خورماتو فجر اليوم. وفي حادث منفصل، انفجرت عبوة ناسفة فجر اليوم "
            "الخميس على طريق ترابي قرب قضاء طوز خورماتو لدى مرور دورية للجيش، ما أدى إلى إصابة جنديين.")
    found = run(text, gazetteer, published=dt.date(2021, 11, 11))
    assert sorted((i.place.name, i.incident_type) for i in found) == [("Amirli", "clash"), ("Tuz Khurmatu", "ied")]


def test_a_district_officers_seat_is_no_site(gazetteer):
    text = ("أفاد قائممقام قضاء سوران بأن طائرة مسيّرة قصفت مساء أمس الأربعاء سيارة مدنية على طريق قرب ناحية سيدكان، "
            "ما أدى إلى مقتل شخصين.")
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2026, 2, 12))] == ["Sidakan"]


@pytest.mark.parametrize("text", [
    "أسفرت اشتباكات عنيفة اندلعت أمس الاثنين في الأحياء الشرقية من كوباني عن مقتل ١٩ عنصراً من التنظيم.",
    "أسفرت اشتباكات عنيفة اندلعت أمس الاثنين في الأحياء الشرقية لكوباني عن مقتل ١٩ عنصراً من التنظيم.",
], ids=["الأحياء الشرقية من", "الأحياء الشرقية ل"])
def test_a_towns_own_quarters_are_the_town(gazetteer, text):
    found = run(text, gazetteer, published=dt.date(2014, 10, 14))
    assert [(i.place.name, str(i.event_date), i.fatalities) for i in found] == [("Kobani", "2014-10-13", 19)]


def test_fighting_that_goes_on_while_is_no_means_of_the_strikes(gazetteer):
    text = ("شنّت طائرات التحالف الدولي فجر اليوم الثلاثاء سلسلة غارات جوية على مواقع للتنظيم في محيط مدينة كوباني، "
            "في وقت تتواصل فيه المعارك داخل الأحياء الشرقية من المدينة المحاصرة.")
    assert [i.incident_type for i in run(text, gazetteer, published=dt.date(2014, 10, 14))] == ["airstrike"]


def test_indirect_fire_is_a_rocket_attack(gazetteer):
    text = ("Yesterday, Thursday, at approximately 8:30 p.m. local time, two rounds of indirect fire impacted inside "
            "Green Village, the coalition base at the al-Omar oil field in Deir ez-Zor province.")
    found = run(text, gazetteer, published=dt.date(2022, 4, 8))
    assert [(i.place.name, i.incident_type, str(i.event_date)) for i in found] == [
        ("al-Omar oil field", "rocket_attack", "2022-04-07")]


def test_a_week_told_in_the_lede_and_its_day_told_later_are_one_incident(gazetteer):
    text = ("BAGHDAD, Jan 4 (Meridian Wire) - Militants held much of the city of Fallujah on Saturday after a day of heavy "
            "fighting with police, while clashes that began earlier in the week in the provincial capital Ramadi showed "
            "no sign of ending, officials said. In Ramadi, clashes between tribal gunmen and security forces "
            "erupted on Wednesday in the eastern neighbourhoods.")
    found = run(text, gazetteer, published=dt.date(2014, 1, 4))
    assert [(i.place.name, str(i.event_date), i.time_precision) for i in found if i.place.name == "Ramadi"] == [
        ("Ramadi", "2014-01-01", 1)]


def test_a_strike_announced_the_day_after_it_was_told_is_the_same(gazetteer):
    text = ("A drone strike destroyed a car near the town of Sarmada on Sunday, killing two men. A spokesman for U.S. "
            "Central Command said in a brief statement on Monday that U.S. forces had conducted a strike near Sarmada. "
            "He said there was \"no indication of civilian casualties\" but declined to name the target.")
    found = run(text, gazetteer, published=dt.date(2020, 9, 7))
    assert [(i.place.name, str(i.event_date), i.fatalities, i.injured) for i in found] == [
        ("Sarmada", "2020-09-06", 2, None)]


def test_a_doctor_at_a_hospital_speaks_from_where_the_wounded_were_taken(gazetteer):
    text = ("Clashes broke out on Sunday in al-Mazraa, killing four people. A doctor at a hospital in Suwayda city said "
            "six wounded people had been brought in from the clashes.")
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2025, 11, 3))] == ["Al Mazra‘ah"]


def test_a_while_clause_that_tells_no_attack_holds_no_site(gazetteer):
    text = ("اندلعت اليوم الأحد اشتباكات عنيفة في مدينة منبج بريف حلب الشرقي بين فصائل الجيش الوطني ومجلس منبج العسكري، "
            "في وقت كانت فيه الأنظار مشدودة إلى العاصمة دمشق التي دخلتها فصائل المعارضة فجراً.")
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2024, 12, 8))] == ["Manbij"]


@pytest.mark.parametrize("text, places", [
    ("Baghdad car bomb kills six", ["Baghdad"]),
    ("2. Basra – rocket near the airport. On Wednesday, a rocket landed in an empty area near Basra International "
     "Airport.", ["Basrah International Airport"]),
    ("Hours after the Mosul bombing, a rocket hit a house in Tal Afar on Monday.", ["Tal Afar"]),
], ids=["headline", "item heading", "beside a site"])
def test_an_attack_named_by_its_place(gazetteer, text, places):
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2016, 5, 31))] == places


def test_strikes_counted_since_an_offensive_began_are_a_tally(gazetteer):
    text = ("Iraqi troops fought Islamic State militants on Tuesday in al-Nuaimiya, killing nine. The Pentagon said on "
            "Tuesday the coalition had carried out more than 20 air strikes in and around Fallujah since the offensive "
            "began.")
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2016, 5, 31))] == ["Nuaimiya"]


def test_a_district_named_after_the_sites_province_is_its_district(gazetteer):
    text = ("Two shepherds were wounded on Monday when Turkish warplanes bombed farmland near the town of Kani Masi in "
            "Duhok province's Amedi district, local officials said.")
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2022, 5, 31))] == ["Kānī Māsī"]


@pytest.mark.parametrize("later, expected", [
    ("No one was killed, the statement said.", (0, 2)),
    ("No U.S. personnel were killed or injured, the Pentagon said.", (None, 2)),
], ids=["everyone", "some only"])
def test_a_later_no_one_was_killed_fills_the_attacks_missing_figure(gazetteer, later, expected):
    text = ("Two rockets hit Camp Taji on Tuesday night, wounding two contractors. The base hosts Iraqi forces. "
            "Coalition trainers left it last year. Security forces searched nearby farms for the launcher. " + later)
    found = run(text, gazetteer, published=dt.date(2020, 9, 23))
    assert [(i.fatalities, i.injured) for i in found] == [expected]


def test_a_district_placed_by_a_reference_point_is_the_site(gazetteer):
    text = ("قُتل ثلاثة من عناصر الحشد الشعبي، مساء أمس الاثنين، في هجوم شنه مسلحون على نقطة مراقبة في إحدى القرى "
            "التابعة لقضاء المقدادية شمال شرقي بعقوبة، مركز محافظة ديالى.")
    assert [(i.place.name, str(i.event_date)) for i in run(text, gazetteer, published=dt.date(2021, 4, 13))] == [
        ("Muqdadiyah", "2021-04-12")]


def test_the_day_told_beside_a_since_clause_is_the_attacks(gazetteer):
    text = ("وكانت بلدة ذيبان قد شهدت يوم السبت الماضي أعنف المواجهات منذ اندلاع القتال بين الطرفين أواخر الشهر الماضي، "
            "عندما هاجم مسلحون عشائريون مواقع لقسد في البلدة.")
    assert [str(i.event_date) for i in run(text, gazetteer, published=dt.date(2023, 9, 5))] == ["2023-09-02"]


def test_artillery_shells_after_an_air_raid_are_shelling_and_retell_the_ledes(gazetteer):
    text = ("قتيلان بغارات روسية على أطراف أريحا.. وقصف مدفعي يصيب أربعة مدنيين في سرمين\n\n"
            "قُتل مدنيان أمس الأربعاء جراء غارات شنتها طائرات حربية روسية على أطراف مدينة أريحا، فيما أُصيب أربعة مدنيين "
            "صباح اليوم الخميس بقصف مدفعي على مدينة سرمين.\n\nوقال عنصر في الدفاع المدني إن الفرق واجهت صعوبة في الوصول "
            "إلى المكان بسبب استمرار تحليق الطائرات الحربية.\n\nوفي سرمين، أفاد ناشطون بأن قذائف مدفعية سقطت صباح اليوم "
            "على حي سكني في المدينة، ما أدى إلى إصابة أربعة مدنيين.")
    found = run(text, gazetteer, published=dt.date(2021, 9, 23))
    assert sorted((i.place.name, i.incident_type) for i in found) == [("Arīḩā", "airstrike"), ("Sarmīn", "rocket_attack")]


def test_fears_and_protests_where_people_are_place_no_strike(gazetteer):
    text = ("أعلنت الحكومة والولايات المتحدة جدولاً لإنهاء مهمة التحالف. وتأتي هذه التطورات في ظل تصعيد إقليمي غير مسبوق، بعد الغارات "
            "الإسرائيلية على الضاحية الجنوبية لبيروت، ما أثار مخاوف في بغداد من انزلاق العراق إلى ساحة المواجهة.")
    assert run(text, gazetteer, published=dt.date(2024, 9, 28)) == []


def test_the_city_of_a_features_first_attack_is_the_datelines(gazetteer):
    text = ("The city that keeps exploding\n\nRAQQA, Syria — The three boys had gone out to collect scrap metal.\n\n"
            "On Sunday afternoon, in a half-collapsed apartment block in the city's eastern neighbourhoods, one of them "
            "set off a device hidden underneath. All three boys were killed.")
    found = run(text, gazetteer, published=dt.date(2018, 5, 21))
    assert [(i.place.name, str(i.event_date), i.incident_type, i.fatalities) for i in found] == [
        ("Raqqa", "2018-05-20", "ied", 3)]


def test_without_a_dateline_the_city_names_no_place(gazetteer):
    text = ("The three boys had gone out to collect scrap metal. On Sunday afternoon, in a half-collapsed apartment "
            "block in the city's eastern neighbourhoods, one of them set off a device hidden underneath.")
    assert run(text, gazetteer, published=dt.date(2018, 5, 21)) == []


def test_an_attack_after_which_the_ledes_came_keeps_its_own_day(gazetteer):
    text = ("قُتل موظف حكومي وأصيب اثنان من المارة، مساء أمس الاثنين، بانفجار عبوة لاصقة وضعت أسفل سيارته وسط مدينة كركوك، "
            "في حادث هو الثاني من نوعه خلال أقل من 24 ساعة في المحافظة، بعد مقتل شرطيين بعبوة ناسفة قرب قضاء الحويجة. "
            "وكان شرطيان قد قُتلا يوم الأحد بانفجار عبوة ناسفة قرب قضاء الحويجة غربي كركوك.")
    found = run(text, gazetteer, published=dt.date(2018, 3, 20))
    assert sorted((i.place.name, str(i.event_date)) for i in found) == [
        ("Al Ḩawījah", "2018-03-18"), ("Kirkuk", "2018-03-19")]


def test_an_attack_hours_before_takes_the_day_its_own_telling_gives(gazetteer):
    text = ("قُتل عنصر من قسد، صباح اليوم الثلاثاء، بانفجار عبوة ناسفة قرب بلدة الكسرة، وذلك بعد ساعات من هجوم مسلح على "
            "حاجز للقوات في بلدة هجين. وفي هجين، قال شهود عيان إن مسلحين مجهولين هاجموا، مساء أمس الاثنين، حاجزاً لقسد "
            "وقتلوا عنصرين.")
    found = run(text, gazetteer, published=dt.date(2021, 9, 14))
    assert sorted((i.place.name, str(i.event_date)) for i in found) == [("Al Kasrah", "2021-09-14"), ("Hajin", "2021-09-13")]


def test_a_drone_hit_told_twice_as_a_strike_and_an_explosive_drone_is_one(gazetteer):
    text = ("- Air strikes on the western outskirts of Idlib city on 19 November killed six civilians.\n"
            "- A civilian car was hit by a drone near al-Atarib on 20 November; the driver was killed.\n"
            "- Since the start of the month, partners have recorded at least 41 civilian deaths across Idlib.\n\n"
            "On 20 November, a small explosive drone struck a civilian car on a road near the town of al-Atarib.")
    found = run(text, gazetteer, published=dt.date(2024, 11, 21))
    assert [(i.place.name, i.fatalities) for i in found] == [("Idlib", 6), ("Al Atārib", 1)]


# Sentences told beside an attack that place no attack of their own: the lead sentence's attack stays the
# only incident. Each group shares a lead (its text, the publication day, the places expected).
ASIDE_LEADS = {
    "no comment": ("A U.S. drone strike killed a militant commander near Jisr al-Shughur on Tuesday. ", dt.date(2023, 5, 3), ["Jisr al-Shughur"]),
    "tallies and gatherings": ("شنّت طائرات التحالف فجر اليوم غارات جوية على مواقع للتنظيم قرب منبج. ", dt.date(2014, 10, 14), ["Manbij"]),
    "speakers and crowds": ("A roadside bomb killed two soldiers near Tikrit on Tuesday, police said. ", dt.date(2015, 3, 11), ["Tikrit"]),
    "series and topics": ("A roadside bomb killed two soldiers near Hawija on Sunday, police said. ", dt.date(2020, 12, 31), ["Al Ḩawījah"]),
    "references, signings, roads, patterns": ("A drone strike hit a car near Sarmada on Thursday, killing one man. ", dt.date(2025, 2, 21), ["Sarmada"]),
    "analysts and speaking capitals": ("قُتل ثلاثة جنود بانفجار عبوة ناسفة قرب مدينة السويداء أمس الثلاثاء. ", dt.date(2025, 7, 16), ["Suwayda"]),
    "earlier attacks, civil defence": ("قُتل ستة مدنيين بغارات جوية استهدفت بلدة كفرنبل أمس الأحد. ", dt.date(2019, 7, 29), ["Kafranbel"]),
    "patterns, campaigns, assessments": ("قُتل شخصان بضربة طائرة مسيّرة على سيارة قرب قلعة دزة أمس الأحد. ", dt.date(2023, 7, 10), ["Qeładizê"]),
}
ASIDES = [
    *[("no comment", aside) for aside in (
        "Russian forces, which conduct their own strikes in Idlib in support of the Syrian army, did not comment either.",
        "ولم يعلق الجيش الروسي الذي ينفذ غارات في إدلب على الضربة.",
    )],
    *[("tallies and gatherings", aside) for aside in (
        "وأعلنت القيادة المركزية الأميركية أن طائراتها نفذت أكثر من عشرين ضربة في محيط كوباني خلال اليومين الماضيين.",
        "وفي القامشلي، نظّم مئات الأشخاص اليوم وقفة تضامنية، رفعوا خلالها صور مقاتلين قُتلوا في المعارك.",
    )],
    *[("speakers and crowds", aside) for aside in (
        "A police officer in Samarra, where wounded fighters were being brought, said the militants were using roadside "
        "bombs and suicide attackers to slow the advance.",
        "19:30 - In Baghdad, thousands of supporters of the Popular Mobilisation Forces rallied in Tahrir Square to condemn "
        "the Israeli strikes on Iran.",
    )],
    *[("series and topics", aside) for aside in (
        "ISIS cells, which lost their last territory in Syria at the village of Al-Baghouz in March 2019, have since waged "
        "a campaign of hit-and-run attacks in the desert.",
        "The long tail of the insurgency: what Sunday's bombing says about Islamic State in Kirkuk.",
    )],
    *[("references, signings, roads, patterns", aside) for aside in (
        "Residents of al-Dana, a town near the Turkish border north of Idlib city, told the bulletin that a car was hit on "
        "a road on the edge of the town on Thursday.",
        "The strike near Sarmada came days after Damascus and Ankara signed a memorandum on a joint training centre near "
        "Latakia.",
        "The latest round began with a kidnapping on the Damascus highway last weekend and escalated into fighting.",
        "The front lines around Ain Issa and Tal Tamr, meanwhile, see regular exchanges of artillery fire.",
    )],
    *[("analysts and speaking capitals", aside) for aside in (
        "ويرى خبراء عسكريون أن سقوط مدينة الرمادي، إن حصل، سيكون ضربة قاسية للحكومة بعد أسابيع من استعادة مدينة تكريت.",
        "غارات على أرتال القوات الحكومية في محيط السويداء ودمشق تتحدث عن «عدوان سافر»",
    )],
    *[("earlier attacks, civil defence", aside) for aside in (
        "ولم تتبنَّ أي جهة الهجوم حتى ظهر اليوم، غير أن أسلوبه يشبه هجمات سابقة نفذها تنظيم «داعش» في مناطق شمال بابل.",
        "وأكد الدفاع المدني في إدلب، المعروف بـ«الخوذ البيضاء»، أن فرقه انتشلت جثث ستة أشخاص من تحت الركام.",
    )],
    *[("patterns, campaigns, assessments", aside) for aside in (
        "وتتكرر الضربات التركية بالطائرات المسيرة في المناطق الحدودية من محافظتي السليمانية وأربيل.",
        "ستة قتلى بغارات على المدينة مع استئناف القصف الجوي على إدلب",
        "وقال أحد الأهالي إن كل ضربة جديدة تعني عائلات أخرى تؤجل عودتها من المخيمات في دهوك.",
        "Our assessment is that strikes like Sunday's will become more frequent in Duhok province.",
    )],
]
ASIDE_IDS = [
    "did not comment", "لم يعلق",
    "خلال اليومين الماضيين", "وفي القامشلي، نظّم",
    "police officer in", "In X, a long subject rallied in Y",
    "a campaign of", "says about",
    "apposition's reference point", "after a signing", "X highway", "regular exchanges",
    "يرى خبراء / ضربة قاسية", "ودمشق تتحدث",
    "هجمات سابقة", "الدفاع المدني في",
    "وتتكرر", "استئناف", "كل ضربة", "strikes like / our assessment",
]


@pytest.mark.parametrize("lead, aside", ASIDES, ids=ASIDE_IDS)
def test_asides_place_no_attack(gazetteer, lead, aside):
    text, published, places = ASIDE_LEADS[lead]
    assert [i.place.name for i in run(text + aside, gazetteer, published=published)] == places


def test_the_attack_that_did_not_affect_air_traffic_at_an_airport_is_the_one_told(gazetteer):
    text = ("استهدفت طائرة مسيّرة مفخخة مساء أمس الثلاثاء قاعدة حرير شمال أربيل من دون خسائر. ولم يؤثر الهجوم على حركة "
            "الطيران المدني في مطار أربيل، الذي واصل عمله بشكل طبيعي صباح اليوم الأربعاء.")
    assert [i.place.name for i in run(text, gazetteer, published=dt.date(2021, 10, 6))] == ["Harir Air Base"]


def test_a_while_clause_of_gunmen_attacking_has_its_own_means_and_day(gazetteer):
    text = ("قُتل منتسب في الحشد الشعبي وأصيب اثنان آخران، مساء أمس الأحد، بانفجار عبوة ناسفة استهدفت عجلتهم قرب ناحية "
            "بلدروز، فيما أصيب جنديان بهجوم شنه مسلحون على نقطة عسكرية قرب قضاء مندلي فجر اليوم.")
    found = run(text, gazetteer, published=dt.date(2022, 11, 28))
    assert [(i.place.name, i.incident_type, str(i.event_date), i.injured) for i in found] == [
        ("Baladrūz", "ied", "2022-11-27", 2), ("Mandalī", "clash", "2022-11-28", 2)]


def test_a_headlines_wider_place_is_no_second_attack_once_the_story_dates_it(gazetteer):
    found = run("U.S. says drone strike near Harim killed militant leader in Syria's Idlib\n\n"
                "The U.S. military said it killed a senior militant in a drone strike near the town of Harim on "
                "Monday. The man was riding a motorcycle.", gazetteer, dt.date(2022, 6, 27))
    assert [(i.place.name, i.event_date) for i in found] == [("Ḩārim", dt.date(2022, 6, 27))]


def test_a_headline_place_the_story_never_dates_is_kept(gazetteer):
    found = run("Rockets hit Kirkuk and Tuz Khurmatu\n\n"
                "Three rockets struck near the K1 base in Kirkuk on Monday, officials said.", gazetteer,
                dt.date(2022, 6, 27))
    assert "Tuz Khurmatu" in {i.place.name for i in found}  # (another governorate)


def test_an_arabic_direction_adjective_belongs_to_the_place_before_it(gazetteer):
    found = run("شنّ الطيران الحربي الإسرائيلي، مساء أمس الجمعة، غارات جوية استهدفت مطار التيفور العسكري في ريف "
                "حمص الشرقي، ومطار تدمر العسكري في البادية السورية.", gazetteer, dt.date(2025, 3, 22))
    assert sorted(i.place.name for i in found) == ["Palmyra Airport", "Tiyas Air Base"]


def test_an_attack_placed_only_by_a_roads_end_retells_the_one_told(gazetteer):
    found = run("Gunmen attacked a checkpoint near the town of Shahba on Tuesday, killing three. According to a local "
                "official in Shahba, the attackers opened fire on the checkpoint on the road leading north towards "
                "Damascus.", gazetteer, dt.date(2025, 6, 18))
    assert [i.place.name for i in found] == ["Shahbā"]


def test_a_frame_that_names_a_series_of_strikes_does_not_block_the_dated_attack(gazetteer):
    found = run("أكدت مديرية الأسايش مقتل ثلاثة أشخاص جراء قصف بطائرة مسيّرة استهدف سيارة مدنية قرب قضاء بنجوين، مساء "
                "الخميس الماضي، في حادثة هي الأحدث ضمن سلسلة ضربات طالت مناطق في المحافظة خلال الأشهر الماضية.",
                gazetteer, dt.date(2023, 10, 14))
    assert [(i.event_date, i.fatalities) for i in found] == [(dt.date(2023, 10, 12), 3)]


def test_what_came_hours_before_the_attack_neither_blocks_nor_places_it(gazetteer):
    found = run("شنّت طائرات حربية، أمس الخميس، غارات على جسر الرستن، بعد ساعات من انسحاب القوات الحكومية من مدينة "
                "حماة.", gazetteer, dt.date(2024, 12, 6))
    assert [(i.place.name, i.event_date) for i in found] == [("Ar Rastan", dt.date(2024, 12, 5))]


def test_no_one_killed_after_a_headline_and_its_story_fills_the_zero(gazetteer):
    found = run("Israeli missiles hit points near al-Kiswah, three soldiers injured\n\n"
                "Three soldiers were injured early Friday when missiles targeted military points near al-Kiswah. "
                "An army officer said later that no one had been killed.", gazetteer, dt.date(2022, 9, 16))
    assert [(i.fatalities, i.injured) for i in found] == [(0, 3)]


def test_a_site_named_before_a_close_reference_point_keeps_it_a_reference(gazetteer):
    found = run("Before dawn on Wednesday, gunmen attacked a checkpoint at the northern entrance to al-Ashara, about "
                "15 kilometres south-east of al-Mayadin.", gazetteer, dt.date(2026, 1, 21))
    assert [i.place.name for i in found] == ["Al ‘Ashārah"]


def test_an_and_clause_after_what_was_said_has_its_own_day(gazetteer):
    found = run("Three soldiers were killed on Tuesday when a roadside bomb struck their patrol near the town of "
                "al-Mayadin, the ministry said, and two attackers were killed early on Wednesday when gunmen attacked "
                "an army checkpoint in the nearby town of al-Ashara.", gazetteer, dt.date(2026, 1, 21))
    assert {(i.place.name, i.event_date, i.incident_type) for i in found} == {
        ("al-Mayadin", dt.date(2026, 1, 20), "ied"), ("Al ‘Ashārah", dt.date(2026, 1, 21), "clash")}


def test_the_previous_day_of_an_announcement_is_the_attacks_day_and_a_drone_tells_the_strike_exactly(gazetteer):
    found = run("U.S. Central Command said on Wednesday that its forces had carried out a strike in northwest Syria "
                "the previous day that killed two members of Hurras al-Din near the town of al-Dana. The strike, "
                "conducted by an unmanned aircraft near the town of al-Dana, killed both men.", gazetteer,
                dt.date(2025, 3, 19))
    assert [(i.place.name, i.event_date, i.incident_type) for i in found] == [
        ("Ad Dānā", dt.date(2025, 3, 18), "drone_strike")]


def test_a_province_after_a_comma_and_in_is_the_towns(gazetteer):
    found = run("On 20 December, an airstrike struck the outskirts of Darkush, in western Idlib near the Orontes "
                "river.", gazetteer, dt.date(2022, 12, 21))
    assert [i.place.name for i in found] == ["Darkūsh"]


def test_a_statements_evening_is_the_day_it_was_issued(gazetteer):
    text = ("Two soldiers killed in attack near Khanaqin\n\n"
            "Statement 1 (issued Wednesday, 18 November, 11:15 p.m.):\n\n"
            "\"At 20:30 this evening, a group of Daesh terrorist gangs attacked a position of the army near "
            "Khanaqin. Two of our fighters were martyred.\"\n")
    found = run(text, gazetteer, dt.date(2020, 11, 19))
    assert [(i.place.name, i.event_date, i.incident_type) for i in found] == [
        ("Khanaqin", dt.date(2020, 11, 18), "clash")]


def test_a_time_is_no_statement_header(gazetteer):
    found = run("I can confirm that yesterday, at approximately 7:40 p.m. local time, forces at the al-Tanf garrison "
                "were targeted by two one-way attack drones.", gazetteer, dt.date(2022, 11, 9))
    assert [i.event_date for i in found] == [dt.date(2022, 11, 8)]


def test_a_common_word_that_spells_a_town_is_no_place(gazetteer):
    assert run("ولم تصدر السلطات تعليقاً، غير أن وسائل إعلام محلية أوردت الخبر مكتفية بالإشارة إلى «انفجار لغم» في "
               "البادية أمس.", gazetteer, dt.date(2024, 3, 20)) == []


def test_an_attack_less_than_a_day_before_takes_the_day_before(gazetteer):
    found = run("استهدفت عبوة ناسفة ظهر اليوم الثلاثاء رتلاً على الطريق السريع قرب قضاء السماوة، ما أدى إلى إصابة "
                "سائق، وذلك بعد أقل من يوم على هجوم مماثل قرب مدينة الناصرية.", gazetteer, dt.date(2020, 8, 18))
    assert {(i.place.name, i.event_date) for i in found} == {
        ("Samawah", dt.date(2020, 8, 18)), ("Nasiriyah", dt.date(2020, 8, 17))}


def test_a_follow_up_naming_one_of_two_attacks_gives_that_one_its_figures(gazetteer):
    found = run("استهدفت عبوة ناسفة ظهر اليوم الثلاثاء رتلاً قرب قضاء السماوة، وذلك بعد أقل من يوم على هجوم مماثل قرب "
                "مدينة الناصرية. وقال مصدر إن «عبوة ناسفة محلية الصنع انفجرت عند مرور رتل مؤلف من نحو عشر شاحنات "
                "مدنية على الطريق الدولي، على بعد كيلومترات قليلة من السماوة»، مضيفاً أن "
                "الانفجار أسفر عن «إصابة سائق بجروح طفيفة، من دون وقوع قتلى».", gazetteer, dt.date(2020, 8, 18))
    assert {i.place.name: (i.fatalities, i.injured) for i in found} == {
        "Samawah": (0, 1), "Nasiriyah": (None, None)}


def test_a_frame_after_the_attack_places_nothing(gazetteer):
    found = run("أكدت مديرية الأسايش مقتل ثلاثة أشخاص جراء قصف بطائرة مسيّرة استهدف سيارة قرب قضاء بنجوين، مساء الخميس "
                "الماضي، في حادثة هي الأحدث ضمن سلسلة ضربات طالت مناطق في قضاء بنجوين وقضاء حلبجة خلال الأشهر الماضية.",
                gazetteer, dt.date(2023, 10, 14))
    assert [i.place.name for i in found] == ["Baynjiwayn"]


def test_a_headlines_two_days_after_clause_has_its_own_means(gazetteer):
    found = run("مسيرة إسرائيلية تستهدف سيارة قرب جديدة يابوس بعد يومين من غارة على القصير\n\n"
                "قُتل شخصان، صباح اليوم السبت، بغارة نفذتها طائرة مسيرة إسرائيلية على سيارة قرب بلدة جديدة يابوس.",
                gazetteer, dt.date(2024, 10, 12))
    assert {i.place.name: i.incident_type for i in found} == {
        "Judaydat Yābūs": "drone_strike", "al-Qusayr": "airstrike"}


def test_a_bulleted_label_names_the_site(gazetteer):
    found = run("Weekly round-up\n\n"
                "- Al-Sanamayn (Daraa, northern countryside), Tuesday: Unidentified gunmen attacked a military "
                "checkpoint, killing two soldiers and wounding three.\n"
                "- Daraa: a car bomb went off in an empty street on Sunday.", gazetteer, dt.date(2023, 2, 16))
    assert [(i.place.name, i.event_date, i.fatalities) for i in found][0] == ("Aş Şanamayn", dt.date(2023, 2, 14), 2)


def test_a_first_dated_attack_is_placed_by_the_sentence_after_it(gazetteer):
    found = run("Last night, Thursday, at about 10 p.m. Iraq time, U.S. forces conducted precision defensive strikes "
                "against five weapons storage facilities used by Kata'ib Hezbollah. The facilities were located at "
                "Jurf al-Sakhar, south-west of Baghdad, and at an unfinished airport site near the city of Karbala.",
                gazetteer, dt.date(2020, 3, 13))
    assert {(i.place.name, i.event_date) for i in found} == {
        ("Jurf al-Nasr", dt.date(2020, 3, 12)), ("Karbala", dt.date(2020, 3, 12))}


@pytest.mark.parametrize("text", [
    # the time of writing, not the strike's day
    "قُتل شخصان بقصف مسيّرة تركية استهدف سيارة قرب مخيم مخمور مساء أمس. ولم تصدر وزارة الدفاع التركية بياناً بشأن "
    "الضربة حتى ظهر اليوم الأربعاء، وتقول إن مخيم مخمور يُستخدم قاعدةً خلفية.",
    "Three SDF fighters were killed in an attack on a checkpoint near Subaykhan on Tuesday. In a statement on "
    "Wednesday, the SDF said its fighters had repelled an attack on one of its posts near Subaykhan.",
])
def test_the_day_a_statement_was_made_is_not_a_second_attack(gazetteer, text):
    assert len(run(text, gazetteer, dt.date(2023, 9, 13))) == 1


def test_a_statements_own_words_keep_their_day(gazetteer):
    found = run("In a statement, U.S. Central Command said: \"On Aug. 22, U.S. Central Command forces conducted an "
                "unmanned aircraft strike near the town of Sarmada, killing a senior official.\"", gazetteer,
                dt.date(2024, 8, 24))
    assert [i.event_date for i in found] == [dt.date(2024, 8, 22)]


def test_only_hours_after_is_an_earlier_attack(gazetteer):
    found = run("أصيب جنديان بجروح، فجر اليوم الاثنين، جراء عدوان إسرائيلي بصواريخ أرض-أرض استهدف مواقع في محيط بلدة "
                "الكسوة، وذلك بعد ساعات فقط من غارات جوية إسرائيلية طالت مطار الشعيرات العسكري. وكانت طائرات حربية "
                "إسرائيلية قد شنت مساء أمس الأحد غارات على مطار الشعيرات.", gazetteer, dt.date(2022, 11, 14))
    assert {(i.place.name, i.event_date) for i in found} == {
        ("Al Kiswah", dt.date(2022, 11, 14)), ("Shayrat Air Base", dt.date(2022, 11, 13))}


def test_explosions_residents_heard_are_no_site(gazetteer):
    found = run("قُتل 15 عنصراً بصواريخ إسرائيلية على موقع قرب الكسوة مساء أمس. وفي دمشق، قال سكان في حي القدم وصحنايا "
                "إنهم سمعوا دوي انفجارات متتالية مساء أمس، ورأوا ومضات في السماء.", gazetteer, dt.date(2018, 5, 9))
    assert [i.place.name for i in found] == ["Al Kiswah"]


def test_a_subhead_takes_no_day_from_the_section_before(gazetteer):
    found = run("قُتل شخصان، مساء أمس الأحد، بقصف نفذته طائرة مسيّرة على طريق قرب قضاء بنجوين.\n\n"
                "قصف على سيدكان\n\n"
                "وفي حادث منفصل، قصفت المدفعية الإيرانية يوم السبت أطراف قرى عدة قرب ناحية سيدكان.",
                gazetteer, dt.date(2023, 2, 6))
    assert {(i.place.name, i.event_date) for i in found} == {
        ("Baynjiwayn", dt.date(2023, 2, 5)), ("Sidakan", dt.date(2023, 2, 4))}


def test_rocket_attacks_counted_since_a_season_are_a_tally(gazetteer):
    assert run("وتشير إحصائيات غير رسمية إلى أن أكثر من 25 هجوماً صاروخياً استهدف منذ الخريف الماضي مواقع تضم قوات "
               "أجنبية، بينها السفارة الأمريكية في بغداد وقواعد في الأنبار.", gazetteer, dt.date(2020, 5, 6)) == []


def test_a_roads_smaller_end_is_where_a_car_was_struck(gazetteer):
    found = run("قُتل عنصر من الأسايش، أمس الأربعاء، بقصف طائرة مسيّرة تركية استهدف سيارتهم على الطريق الواصل بين مدينة "
                "القامشلي وبلدة القحطانية.", gazetteer, dt.date(2022, 2, 3))
    assert [i.place.name for i in found] == ["Al Qaḩţānīyah"]


def test_a_towns_neighbourhoods_are_the_town_and_its_apposition_only_says_where_it_lies(gazetteer):
    found = run("At approximately 14:30 on 3 November, artillery shells and rockets struck the eastern neighbourhoods of "
                "Sarmin, a town of some 20,000 residents located about 7 km south-east of Idlib city.", gazetteer,
                dt.date(2022, 11, 4))
    assert [i.place.name for i in found] == ["Sarmīn"]


def test_an_attack_announced_days_later_is_the_one_told_with_its_day(gazetteer):
    found = run("CENTCOM announces raid on ISIS camp near Palmyra\n\n"
                "U.S. Central Command said on Wednesday that it had struck an Islamic State training camp in the "
                "central Syrian desert days earlier. On March 1, CENTCOM forces conducted an airstrike against an ISIS "
                "training camp approximately 15 kilometers north of Palmyra.", gazetteer, dt.date(2025, 3, 5))
    assert [(i.place.name, i.event_date) for i in found] == [("Palmyra", dt.date(2025, 3, 1))]


def test_a_province_and_town_label_names_the_town(gazetteer):
    found = run("KEY INCIDENT\n\n- Dhi Qar / Nasiriyah: An improvised explosive device detonated outside the home of "
                "an activist in a residential neighbourhood shortly after midnight on Wednesday.", gazetteer,
                dt.date(2023, 4, 13))
    assert [(i.place.name, i.event_date) for i in found] == [("Nasiriyah", dt.date(2023, 4, 12))]


def test_a_pickup_on_its_way_from_a_town_was_struck_near_it(gazetteer):
    found = run("On Sunday morning, as a pickup carrying members of a local security force drove past on its way from "
                "Sinuni to a checkpoint on the slopes of Mount Sinjar, a roadside bomb exploded.", gazetteer,
                dt.date(2019, 4, 23))
    assert [(i.place.name, i.event_date) for i in found] == [("Sinuni", dt.date(2019, 4, 21))]


@pytest.mark.parametrize("text, place", [
    ("A drone struck a storage tank at the Khurmala oil field early on Saturday.", "Khurmala oil field"),
    ("A landmine exploded under a car near al-Rusafa, south of al-Tabqa in Raqqa countryside, on Monday.",
     "al-Rusafa (Raqqa)"),
    ("Islamic State cells attacked government positions near the town of Ithriyah in eastern Hama on Monday.",
     "Ithriyah"),
    ("شنت طائرات حربية غارات مكثفة على بلدة بصرى الحرير في ريف درعا الشرقي أمس.", "Busra al-Harir"),
])
def test_places_added_to_the_gazetteer(gazetteer, text, place):
    assert [i.place.name for i in run(text, gazetteer, dt.date(2021, 2, 4))] == [place]


def test_a_headlines_parts_are_its_attacks(gazetteer):
    found = run("مقتل عنصرين من «قسد» في هجوم على حاجز في ذيبان فجر اليوم.. ومسيّرة مجهولة تقتل سائق دراجة نارية قرب "
                "البصيرة\n\n"
                "قُتل عنصران من «قسد»، فجر اليوم الأربعاء، في هجوم شنه مسلحون على حاجز عند المدخل الشمالي لبلدة ذيبان. "
                "وفي هجوم ثانٍ مساء الاثنين، استهدفت طائرة مسيّرة دراجة نارية قرب بلدة البصيرة.",
                gazetteer, dt.date(2024, 5, 29))
    assert {(i.place.name, i.event_date, i.incident_type) for i in found} == {
        ("Dhībān", dt.date(2024, 5, 29), "clash"), ("Al Buşayrah", dt.date(2024, 5, 27), "drone_strike")}


def test_a_statement_header_without_issued_dates_its_statement(gazetteer):
    text = ("Convoy bomb near Samawah\n\n"
            "Statement 1 (Friday, 27 August 2021):\n"
            "\"An explosive device exploded today, Friday, against a convoy of trucks on the international highway "
            "near the city of Samawah.\"\n")
    found = run(text, gazetteer, dt.date(2021, 8, 28))
    assert [(i.place.name, i.event_date) for i in found] == [("Samawah", dt.date(2021, 8, 27))]


def test_an_attack_borrows_no_means_from_another_places_attack(gazetteer):
    found = run("The week was dominated by a deadly drone attack on the Khor Mor gas field on Friday. Islamic State "
                "activity remained low, but an attack on a police checkpoint near Tuz Khurmatu on Wednesday was the "
                "deadliest.", gazetteer, dt.date(2024, 4, 27))
    assert {i.place.name: i.incident_type for i in found}["Tuz Khurmatu"] != "drone_attack"


def test_a_similar_device_is_the_same_means(gazetteer):
    found = run("انفجرت عبوة ناسفة، مساء أمس الاثنين، على رتل شاحنات قرب ناحية سفوان. وكانت عبوة مماثلة قد استهدفت "
                "رتلاً آخر على الطريق السريع قرب مدينة الديوانية الأسبوع الماضي.", gazetteer, dt.date(2021, 8, 10))
    assert {i.place.name: i.incident_type for i in found}["Diwaniyah"] == "ied"


def test_a_latest_chapter_frame_with_a_tally_does_not_block_the_attack(gazetteer):
    found = run("اندلعت اشتباكات عنيفة، أمس الثلاثاء، بين قوات الجيش السوري ومقاتلين من «قسد» على أطراف مدينة دير حافر في "
                "ريف حلب الشرقي، في أحدث فصول التوتر المتصاعد بين الطرفين منذ مطلع الشهر الجاري.", gazetteer,
                dt.date(2026, 1, 14))
    assert [(i.place.name, i.event_date) for i in found] == [("Dayr Ḩāfir", dt.date(2026, 1, 13))]


@pytest.mark.parametrize("text, figures", [
    # of civilians only: not the attack's toll
    ("قُتل شخصان، فجر اليوم، بضربة طائرة مسيّرة استهدفت دراجة نارية قرب ذيبان، وقال مصدر إنه «لم تقع إصابات في صفوف "
     "المدنيين».", (2, None)),
    # civilians or soldiers: everyone
    ("أسقطت الدفاعات الجوية أمس طائرة مسيّرة حاولت استهداف مدينة محردة من دون أن تسفر عن أي إصابات بين المدنيين أو "
     "العسكريين.", (0, 0)),
    # no figure given is not none
    ("Three SDF fighters and two tribal gunmen were killed in clashes in Dhiban on Monday, the SDF said, without giving "
     "a figure for the wounded.", (5, None)),
    # no one but the two
    ("قُتل شخصان أمس بضربة مسيّرة استهدفت سيارتهما قرب بنجوين، ولم يُصب أحد غيرهما.", (2, 0)),
])
def test_zero_figures_said_of_some_or_none(gazetteer, text, figures):
    assert [(i.fatalities, i.injured) for i in run(text, gazetteer, dt.date(2021, 4, 4))] == [figures]


def test_no_one_else_hurt_after_a_strike_told_in_its_province_and_at_its_town(gazetteer):
    found = run("CENTCOM said on Thursday it had killed a senior member of Hurras al-Din in a drone strike in Idlib "
                "province. A member of the civil defence said a car had been hit by a missile near al-Dana on "
                "Wednesday. \"He was killed instantly,\" the volunteer said. No one else was hurt, according to the "
                "civil defence.", gazetteer, dt.date(2024, 8, 29))
    assert [(i.place.name, i.injured) for i in found] == [("Ad Dānā", 0)]


def test_a_headlines_second_attack_joined_by_and_keeps_its_own_day_and_means(gazetteer):
    found = run("عشرات القتلى بغارات روسية على زردنا في ريف إدلب وقصف صاروخي يطال معرة مصرين فجر اليوم\n\n"
                "ارتفعت حصيلة الغارات الجوية التي استهدفت بلدة زردنا مساء أمس الخميس إلى 44 قتيلاً.",
                gazetteer, dt.date(2018, 6, 8))
    assert [(i.place.name, i.event_date, i.incident_type) for i in found] == [
        ("Zardana", dt.date(2018, 6, 7), "airstrike")]


def test_a_provinces_desert_is_a_wide_area_and_a_towns_desert_is_near_it(gazetteer):
    found = run("وفي بادية حمص، كانت مجموعة مسلحة قد هاجمت يوم الجمعة حاجزاً للأمن العام على الطريق المؤدي إلى بلدة "
                "السخنة، ما أسفر عن مقتل عنصرين.", gazetteer, dt.date(2026, 1, 12))
    assert [i.place.name for i in found] == ["As Sukhnah"]


def test_a_time_of_day_is_no_toll(gazetteer):
    found = run("A Turkish drone struck a car near Qaladiza on Wednesday at 3:30 p.m. killing the driver.", gazetteer,
                dt.date(2021, 5, 13))
    assert [i.fatalities for i in found] == [1]


def test_a_missile_fired_from_elsewhere_struck_the_town_named_after_it(gazetteer):
    found = run("Northern Aleppo: missile strike on Marea\n\n"
                "A surface-to-surface missile fired from government-held territory struck the outskirts of the town of "
                "Marea in the northern Aleppo countryside on Thursday, killing a woman.", gazetteer, dt.date(2019, 6, 7))
    assert [(i.place.name, i.event_date) for i in found] == [("Māri‘", dt.date(2019, 6, 6))]


def test_a_toll_not_verified_does_not_block_the_clash(gazetteer):
    found = run("شهدت مدينة السويداء، أمس الجمعة، اشتباكات عنيفة بين مقاتلين من العشائر وفصائل محلية، وسط حصيلة بشرية "
                "ثقيلة لم يتسنَّ التحقق منها بشكل مستقل.", gazetteer, dt.date(2025, 7, 19))
    assert [(i.place.name, i.event_date) for i in found] == [("Suwayda", dt.date(2025, 7, 18))]


def test_villages_in_a_towns_countryside_are_near_the_town(gazetteer):
    found = run("A civilian was killed on Tuesday when Turkish-backed factions shelled villages in the countryside of Tal "
                "Tamr, in the northwest of al-Hasakah province.", gazetteer, dt.date(2019, 12, 17))
    assert [i.place.name for i in found] == ["Tall Tamr"]


def test_three_days_after_is_an_earlier_attack(gazetteer):
    found = run("Israel fired missiles at army positions near the city of Quneitra early on Sunday, three days after an "
                "Israeli air strike near the town of Qusayr killed three people.", gazetteer, dt.date(2024, 10, 27))
    assert {i.place.name: i.event_date for i in found} == {
        "Quneitra": dt.date(2024, 10, 27), "al-Qusayr": dt.date(2024, 10, 24)}


def test_a_headline_part_with_a_day_and_no_place_does_not_date_the_first_part(gazetteer):
    found = run("عشرات القتلى في غارات على وسط مدينة إدلب.. والطيران يضرب سراقب مساء السبت\n\n"
                "قُتل ما لا يقل عن ٤٣ شخصاً في سلسلة غارات جوية استهدفت أمس الأحد أحياء وسط مدينة إدلب. وجاءت غارات "
                "الأحد بعد يوم واحد من قصف مماثل طال مدينة سراقب، إذ قُتل خمسة مدنيين مساء السبت.",
                gazetteer, dt.date(2015, 12, 21))
    assert {(i.place.name, i.event_date) for i in found} == {
        ("Idlib", dt.date(2015, 12, 20)), ("Saraqib", dt.date(2015, 12, 19))}


def test_the_road_leading_to_a_crossing_is_no_site(gazetteer):
    found = run("شنت طائرات حربية روسية، أمس الجمعة، غارات على أطراف بلدة معرة مصرين شمالي مدينة إدلب، استهدفت مزارع "
                "ومستودعات على الطريق الواصل إلى باب الهوى.", gazetteer, dt.date(2021, 7, 10))
    assert [i.place.name for i in found] == ["Ma‘arratmişrīn"]


# Background sentences of full-length articles: none tells an attack of its own (with the report's day).
BACKGROUND = [
    # a long record, a recurring problem, a wave of strikes over days: no one attack
    ("But many of them fought alongside his own men for a decade, and there are sensitivities in Idlib.",
     dt.date(2025, 7, 22)),
    ("Tribal clashes are a recurring problem in northern Basra, where large clans own heavy weapons.",
     dt.date(2025, 7, 22)),
    ("Last week, a wave of drone strikes hit oil and gas facilities in Duhok and Erbil provinces.",
     dt.date(2025, 7, 22)),
    # aircraft that flew over a place struck nothing
    ("Security sources said Iraqi aircraft carried out reconnaissance flights over the hills south of Kifri on "
     "Wednesday morning.", dt.date(2025, 7, 22)),
    ("وأضاف أن هذه الضربة هي الأحدث في سلسلة من الاستهدافات الإسرائيلية التي طالت مناطق ريف دمشق والقنيطرة.",
     dt.date(2024, 2, 14)),
    ("وفي سياق متصل، تحدثت مصادر محلية عن تحليق مكثف للطيران المسير الإسرائيلي فوق بلدات في القنيطرة خلال الليلة "
     "الماضية، من دون تسجيل أي ضربات جديدة.", dt.date(2024, 2, 14)),
    ("North-west Syria continues to see regular shelling along front lines in southern Idlib, despite the ceasefire "
     "agreed in March 2020.", dt.date(2023, 6, 8)),
    ("Next week, we expect continued low-level IS activity in Diyala, with a realistic possibility of further IED "
     "attacks.", dt.date(2023, 6, 8)),
    ("In Quneitra province, residents said Israeli drones were seen flying over several villages on Wednesday morning, "
     "hours after the strike.", dt.date(2023, 6, 8)),
    ("ويقول المحلل الأمني عماد الجبوري إن «التنظيم عاد إلى أسلوب حرب العصابات، ويعتمد على العبوات الناسفة في "
     "أطراف كركوك».", dt.date(2022, 11, 28)),
    ("وقال الرئيس التركي في تصريحات سابقة إن العملية «ليست محصورة بالضربات الجوية»، ملمحاً إلى عملية برية في تل "
     "رفعت ومنبج.", dt.date(2022, 11, 28)),
    ("Balad Air Base, once a major hub for US forces, now hosts the Iraqi air force's fleet of F-16 fighter jets.",
     dt.date(2022, 11, 28)),
    ("Ankara launched the ground and air operations known as Claw-Lightning in the Duhok border areas last month.",
     dt.date(2021, 5, 13)),
    ("Government and Russian air strikes and shelling continued to hit towns and villages across southern Idlib.",
     dt.date(2021, 5, 13)),
    ("Since the killing of Qassem Soleimani and Abu Mahdi al-Muhandis in January, rocket attacks have targeted the "
     "U.S. embassy in Baghdad and bases hosting coalition forces.", dt.date(2021, 5, 13)),
    ("The Joint Operations Command said Iraqi aircraft had carried out strikes against Islamic State hideouts south of "
     "Kirkuk over the past week, killing several militants.", dt.date(2021, 5, 13)),
    # raids across two governorates' countryside: no one site
    ("وأشار المرصد إلى أن الطائرات الروسية نفذت منذ صباح اليوم عشرات الغارات على ريفي إدلب الجنوبي وحماة الشمالي.",
     dt.date(2025, 7, 19)),
    # a ceasefire declared, forces sent to break up the fighting
    ("وفي دمشق، أعلنت الرئاسة السورية صباح اليوم السبت وقفاً فورياً وشاملاً لإطلاق النار في المحافظة، مؤكدة أن قوات "
     "الأمن ستنتشر في محيط المدينة لفض الاشتباك.", dt.date(2025, 7, 19)),
    # a bomb found and defused; any attack in general
    ("وأعلنت الشرطة العسكرية ضبط دراجة نارية مفخخة قرب مدينة الباب وتفكيكها قبل انفجارها.", dt.date(2025, 7, 19)),
    ("وفي بغداد، أكد الناطق باسم القائد العام أن الحكومة ترفض أي اعتداء يستهدف البعثات والقواعد.",
     dt.date(2025, 7, 19)),
    ("ويأتي هذا الهجوم بعد أسابيع من سيطرة التنظيم على مدينة الموصل وإعلانه «الخلافة».", dt.date(2020, 6, 24)),
    ("كما يأتي في وقت يوسع فيه التنظيم نفوذه في محافظة دير الزور، حيث فرض سيطرته على معظم بلدات الريف الشرقي بعد معارك.",
     dt.date(2020, 6, 24)),
    ("وفي بغداد، قال المتحدث باسم قيادة العمليات المشتركة إن عمليات «أبطال العراق» ستتواصل في المناطق الفاصلة.",
     dt.date(2020, 6, 24)),
    ("وتتزامن هذه التطورات مع انتهاء عمليات إجلاء المقاتلين والمدنيين من الأحياء الشرقية لمدينة حلب.",
     dt.date(2020, 6, 24)),
    ("وكانت قوات التحالف الدولي قد انسحبت من قاعدة «كي وان» في آذار/مارس الماضي وسلمتها إلى القوات العراقية.",
     dt.date(2020, 6, 24)),
    ("كما أفاد ناشطون بتحليق مكثف لطائرات الاستطلاع فوق مدينتي أريحا ومعرة النعمان منذ صباح اليوم، وسط مخاوف من موجة "
     "غارات جديدة.", dt.date(2020, 6, 24)),
    # a series, a decade ago, a risk report's likelihoods
    ("Many of the strikes hit vehicles on roads around Qamishli, Kobani and Tal Tamr.", dt.date(2022, 8, 4)),
    ("That is itself a measure of progress: a decade ago, Iraqi forces were fighting the group street by street in "
     "Ramadi and Mosul.", dt.date(2026, 2, 19)),
    ("• We see a low-to-moderate likelihood of further indirect-fire attacks on installations hosting foreign "
     "personnel at Balad.", dt.date(2023, 6, 26)),
    ("• IED risk remains elevated on rural roads in Kirkuk, Salahuddin and Diyala.", dt.date(2023, 6, 26)),
    # a forecast told as an instruction, a charge
    ("- Expect continued drone and rocket attacks on sites hosting US troops, including Baghdad airport and Erbil "
     "airport.", dt.date(2021, 8, 31)),
    ("Ankara and Baghdad accuse the PKK of attacking border posts and launching drones toward Zakho.",
     dt.date(2021, 8, 31)),
    # a charge, a frame of tension and a deployment
    ("في المقابل، تقول وسائل الإعلام الرسمية السورية إن الجيش يرد على خروقات المجموعات المسلحة، وتتهم الفصائل باستخدام "
     "المنطقة لشن هجمات بالطائرات المسيّرة على قاعدة حميميم الروسية.", dt.date(2019, 5, 2)),
    ("ويأتي الهجوم في ظل توتر متصاعد بين الحكومة والفصائل، بعد اعتقال قيادي في الحشد الشهر الماضي، وما تبع ذلك من "
     "انتشار لمسلحين قرب المنطقة الخضراء في بغداد.", dt.date(2021, 6, 4)),
    ("وفي الأثناء، انتشرت وحدات من الجيش في نقاط على خطوط التماس بموجب تفاهم جديد، من دون أن يمنع ذلك تجدد الاشتباكات "
     "المتقطعة في محيط تل تمر وعين عيسى.",
     dt.date(2019, 11, 8)),
    ("كما تتزامن الضربة مع أزمة سياسية في بغداد لم تنته بعد رغم مرور عام على الانتخابات.", dt.date(2022, 9, 7)),
    ("The twin bombings come at a time of heightened concern about the Islamic State's ability to strike in Kirkuk "
     "and Hawija.", dt.date(2022, 2, 15)),
    ("Analysts in Qamishlo say the pattern of targeted drone strikes on local security personnel, rather than on senior "
     "commanders, suggests a shift.", dt.date(2022, 12, 16)),
    # a journalist's question, diplomacy, a forecast's odds, a mood, a series
    ("Q: Separately, there are reports of a strike on a militia position somewhere in Babil province over the weekend, "
     "can you confirm it.", dt.date(2023, 11, 6)),
    ("In Baghdad, the foreign ministry summoned the Turkish envoy last month over a previous strike near Sinjar.",
     dt.date(2021, 6, 6)),
    ("• Small chance (under 20%) of rocket or drone attacks against diplomatic sites in Baghdad and Erbil.",
     dt.date(2022, 11, 7)),
    ("Elsewhere in Syria, tension remains high after the deadly drone attack on a graduation ceremony in Homs.",
     dt.date(2023, 10, 19)),
    ("Rights monitors say Turkish drones have carried out dozens of strikes in Sinjar and the Kurdistan Region since the "
     "start of 2022, killing fighters and civilians alike.", dt.date(2023, 8, 31)),
    ("As for numbers, it's in the dozens this year, rockets and drones combined, at facilities in Baghdad and Erbil "
     "where coalition forces are present.", dt.date(2021, 7, 13)),
    ("Some context: the SDF was pushed out of Manbij last month, and fighting has since shifted to the area around the "
     "Qara Qozak bridge.", dt.date(2025, 1, 12)),
    ("Attacks tend to cluster along the Palmyra road, while attacks in Deir ez-Zor province follow a different logic, "
     "with IEDs more common than ambushes.", dt.date(2022, 11, 14)),
    ("A second scenario is collapse, with local clashes between tribal forces and the SDF in Deir ez-Zor.",
     dt.date(2025, 11, 20)),
    ("Relations have been strained this summer after an artillery attack on a resort in Duhok province that killed "
     "Iraqi tourists.", dt.date(2022, 9, 15)),
    ("وأضاف البيان أن «الطائرة الروسية أقلعت من قاعدة حميميم ونفذت غارتين متتاليتين على المكان».", dt.date(2021, 9, 8)),
    ("ويأتي الهجوم في ظل تصاعد ملحوظ في نشاط التنظيم، إذ شن مسلحوه مطلع الشهر الجاري هجوماً على مواقع في محافظة صلاح "
     "الدين، إلى جانب هجمات متفرقة في ديالى وكركوك.", dt.date(2020, 5, 20)),
    ("وكانت ضربات سابقة قد أخرجت مطاري حلب ودمشق الدوليين عن الخدمة لساعات أو أيام.", dt.date(2023, 5, 24)),
    ("وقالت الفصائل في بيانات متتالية إن مقاتليها سيطروا على حواجز عدة عند أطراف صوران بعد اشتباكات.",
     dt.date(2017, 3, 22)),
    ("وفي تكريت، التي استعيدت نهاية آذار الماضي بعد معارك عنيفة، قال مسؤولون إن عودة النازحين ما زالت بطيئة.",
     dt.date(2015, 5, 29)),
    ("ويتزامن الهجوم على عين الأسد مع عودة رئيس الوزراء من واشنطن، حيث التقى الرئيس الأميركي الأسبوع الماضي.",
     dt.date(2020, 8, 27)),
    ("وفي تطور منفصل، أعلنت مديرية الاستخبارات اعتقال متهم بنقل العبوات الناسفة في قضاء الدور.", dt.date(2019, 1, 31)),
    ("- Convoy IEDs in Dhi Qar, Muthanna, Diwaniyah and Babil: LIKELY.", dt.date(2021, 6, 13)),
    ("Partners reported shelling and drone activity in several communities close to the contact line near Ariha.",
     dt.date(2024, 6, 6)),
    ("Russian and Syrian jets have continued periodic raids on villages in southern Idlib and the Jabal al-Zawiya "
     "area this year, despite a ceasefire agreed in March 2020.", dt.date(2022, 12, 16)),
    ("- Shelling and air strikes continued across Idlib and western Aleppo governorates despite lower intensity.",
     dt.date(2023, 11, 30)),
    ("وكانت وزارة الدفاع الروسية قد أكدت أمس أن طائراتها لم تنفذ أي ضربات داخل مدينة حلب نفسها منذ الثامن عشر من تشرين "
     "الأول/أكتوبر، في حين قالت قوات النظام إنها تستهدف تجمعات المسلحين في الأحياء الشرقية.", dt.date(2016, 11, 16)),
    ("وفي واشنطن، قال متحدث باسم التحالف إن القوات العراقية تحقق تقدماً ثابتاً في الرمادي، مؤكداً أن طائرات التحالف نفذت "
     "ضربات حول المدينة.", dt.date(2015, 12, 9)),
    ("وتعد النزاعات العشائرية من أبرز التحديات الأمنية في البصرة، إذ تتحول خلافات على الأراضي إلى اشتباكات مسلحة.",
     dt.date(2023, 5, 3)),
    ("- Attacks on logistics convoys supplying contractors continued in the south this week, with devices in Dhi Qar.",
     dt.date(2021, 6, 13)),
    ("كما تكررت ضرباتها بالمسيّرات في سنجار ومخمور والسليمانية، مستهدفة من تقول إنهم قياديون في الحزب.",
     dt.date(2023, 6, 28)),
    ("كما تتحدث موسكو عن هجمات بطائرات مسيّرة تنطلق من إدلب باتجاه قاعدة حميميم.", dt.date(2019, 6, 14)),
    ("ويأتي هذا التصعيد في الذكرى السنوية الأولى لاتفاق وقف إطلاق النار في إدلب، وسط قصف متبادل.",
     dt.date(2021, 3, 28)),
    ("وتكثفت الضربات الإسرائيلية على الأراضي السورية منذ توسيع الحرب على لبنان في أيلول/سبتمبر الماضي، وطالت مواقع في "
     "دمشق وريفها وحمص.", dt.date(2024, 11, 6)),
    ("وكان التحالف قد سلم القوات العراقية قاعدة كي وان شمال غربي كركوك في آذار الماضي بعد هجمات صاروخية.",
     dt.date(2020, 4, 6)),
    ("وقال مدير المرصد إن خلايا التنظيم تستغل مساحات البادية الشاسعة لتنفيذ هجمات خاطفة، مضيفاً أن الغارات الروسية "
     "على محيط الباغوز لم تنجح في الحد منها.", dt.date(2021, 4, 1)),
    ("وتقول قيادة العمليات إن عدد عناصر التنظيم لا يتجاوز بضع مئات، يتوزعون على مناطق جبلية في كركوك وديالى، "
     "ويعتمدون على هجمات بعبوات ناسفة.", dt.date(2022, 5, 6)),
    ("سياسياً، يدور جدل في بغداد حول دور الحشد في معارك الأنبار المقبلة.", dt.date(2016, 2, 8)),
    ("ويأتي قصف قره قوش في ظل تداعيات سيطرة التنظيم على قضاء سنجار، التي دفعت عشرات الآلاف إلى الفرار نحو الجبل.",
     dt.date(2014, 8, 7)),
    # an analyst's pattern, a deployment
    ("The bombings near Tuz Khurmatu and Daquq are typical of how the cells now work: small devices on farm tracks.",
     dt.date(2020, 10, 10)),
    ("Ankara launched the operation this month, sending commandos into the Haftanin area of Duhok province after days "
     "of air strikes.",
     dt.date(2020, 6, 27)),    # an earlier attack with no day or month, months of fighting, a funeral
    ("وكانت طائرة مسيرة قد قصفت في وقت سابق محيط مطار السليمانية، ما أثار توتراً بين أنقرة وأربيل.",
     dt.date(2024, 6, 7)),
    ("وتأتي المحادثات بعد أشهر من المعارك التي شهدها ريف منبج بين الطرفين.", dt.date(2025, 6, 18)),
    ("Hundreds attended the funeral in Qamishli on Thursday of three fighters killed by a Turkish drone.",
     dt.date(2024, 6, 7)),
    # a tally since an offensive began, an attack weeks ago, one in whose wake things came, an earlier wave, threats
    ("ووثق المرصد مقتل أكثر من ٣٠٠ مدني في مدينة الرقة منذ بدء الهجوم، معظمهم بغارات جوية وقصف مدفعي.",
     dt.date(2017, 7, 16)),
    ("وكان قصف طال منتجعاً سياحياً في قضاء زاخو قبل أسابيع قد أثار غضباً واسعاً في العراق.", dt.date(2022, 8, 15)),
    ("A rocket hit a resort in Zakho weeks ago, killing nine.", dt.date(2022, 8, 15)),
    ("ويأتي هذا التصعيد في أعقاب الهجوم بطائرات مسيّرة على حفل تخريج في الكلية الحربية بحمص.", dt.date(2023, 10, 11)),
    ("The escalation comes in the wake of a drone attack on a graduation ceremony at the military academy in Homs.",
     dt.date(2023, 10, 11)),
    ("An earlier wave of Iranian missile and drone strikes on the camps of the same parties near Koya killed more than "
     "a dozen people.", dt.date(2022, 10, 7)),
    ("ولم يصدر تعليق تركي بشأن القصف، غير أن الرئيس التركي كرر تهديداته بشن عملية عسكرية جديدة تستهدف مدينتي تل رفعت "
     "ومنبج.", dt.date(2022, 7, 16)),
    ("واتهمت موسكو فصائل المعارضة بشن هجمات بطائرات مسيّرة على قاعدة حميميم.", dt.date(2019, 5, 19)),
    # an attack to come, where fighters hold out, a habit
    ("وقال المرصد إن التصعيد يأتي بعد استقدام قوات النظام تعزيزات كبيرة إلى محيط الغوطة تمهيداً لهجوم بري محتمل.",
     dt.date(2018, 2, 20)),
    ("في المقابل، قالت وسائل الإعلام الرسمية إن وحدات الجيش «ترد على مصادر إطلاق القذائف» التي تطلقها الفصائل المسلحة "
     "على أحياء العاصمة، متهمة المجموعات المتحصنة في الغوطة باستخدام المدنيين دروعاً بشرية.", dt.date(2018, 2, 20)),
    ("Islamic State cells in Kirkuk rely on small teams which strike isolated army posts at night.", dt.date(2022, 5, 23)),
    ("وعادة ما تهاجم الخلايا نقاط الجيش في أطراف الحويجة بالأسلحة الخفيفة.", dt.date(2022, 5, 23)),
    # the title of a report that sums up many incidents
    ("NORTHWEST SYRIA: Flash Update No. 14 — Shelling and drone strikes in Idlib governorate (16 August 2024)",
     dt.date(2024, 8, 16)),
    # sorties counted, an air force's continued support, attacks that continue, an insurgency, what came before that
    ("Its aircraft flew 40 sorties in the Palmyra area over the past 24 hours and hit 158 targets.", dt.date(2016, 3, 26)),
    ("Russian aircraft have continued to support government operations around Palmyra.", dt.date(2016, 3, 26)),
    ("Second, the attacks continue despite the dialogue between Baghdad and Washington.", dt.date(2021, 4, 27)),
    ("The attacks are part of a persistent insurgency by Islamic State cells in the Raqqa and Deir ez-Zor regions.",
     dt.date(2019, 12, 18)),
    ("Some of them fought in Ramadi and Fallujah before that.", dt.date(2017, 6, 28)),
    # a funeral amid chants against the attacks, an operation's purpose, a labour strike, fighting that went on, a
    # guerrilla war, where reporters heard a spokeswoman, camps where the displaced remain, earlier attacks
    ("وشيّع الآلاف في عامودا، اليوم الأحد، جثماني المقاتلين وسط هتافات منددة بالهجمات التركية.", dt.date(2024, 1, 28)),
    ("وتقول الحكومة إن العملية، التي بدأت في الثامن عشر من شباط الماضي، تهدف إلى وقف استهداف أحياء دمشق بالقذائف.",
     dt.date(2018, 3, 13)),
    ("Truck drivers interviewed in Samawah said they were considering a strike to demand better protection.",
     dt.date(2021, 6, 15)),
    ("وفي الأثناء، تواصلت الاشتباكات على عدة محاور في ريف عفرين.", dt.date(2018, 2, 21)),
    ("ويقول محللون إن التنظيم تحول منذ خسارته آخر معاقله في الباغوز في آذار/مارس الماضي إلى حرب عصابات.",
     dt.date(2019, 7, 21)),
    ("A spokeswoman, speaking to reporters in Ain Issa, said the militants were using car bombs.", dt.date(2017, 4, 25)),
    ("Tens of thousands of displaced Yazidis remain in camps in Duhok, and many cite insecurity, including drone strikes.",
     dt.date(2024, 8, 27)),
    ("وكانت مقار هذه الأحزاب في محيط أربيل والسليمانية قد تعرضت في هجمات سابقة لضربات بالصواريخ.", dt.date(2022, 11, 16)),
    ("Iraqi forces retook Hit last month, and the prime minister has repeatedly said that Fallujah, just west of "
     "Baghdad, will be the next major target.", dt.date(2016, 5, 18)),
    # aircraft bought are no strike
    ("Iraq took delivery of two more fighter jets at Balad air base on Tuesday, the defence ministry said.",
     dt.date(2023, 3, 29)),
]


@pytest.mark.parametrize("text, published", BACKGROUND)
def test_background_tells_no_incident(gazetteer, text, published):
    assert run(text, gazetteer, published) == []


def test_a_bullets_label_dates_the_attack_told_under_it(gazetteer):
    found = run("KEY INCIDENTS\n\n"
                "• Salahuddin — Balad Air Base (Thursday 22 June). Two Katyusha-type rockets struck inside the "
                "perimeter of Balad Air Base at around 21:00.\n", gazetteer, dt.date(2023, 6, 26))
    assert [(i.place.name, i.event_date) for i in found] == [("Balad Air Base", dt.date(2023, 6, 22))]


def test_a_report_title_with_its_week_dates_no_summary(gazetteer):
    found = run("Southern Iraq Security Weekly - week ending 28 January 2023\n\n"
                "Summary: a quiet week with one deadly tribal dispute in Dhi Qar and an IED attack on a home in Najaf.",
                gazetteer, dt.date(2023, 1, 28))
    assert all(i.event_date is None for i in found)


@pytest.mark.parametrize("text", [
    "Government forces shelled Azaz on Wednesday, killing a child.",
    "Azaz was shelled on Wednesday, killing a child.",
    "Azaz came under artillery fire on Wednesday, killing a child.",
    "- Artillery shelling of Azaz on 8 September killed a child.",
])
def test_a_shelled_town_is_the_site(gazetteer, text):
    found = run(text, gazetteer, dt.date(2021, 9, 10))
    assert [(i.place.name, i.event_date, i.fatalities) for i in found] == [("Azaz", dt.date(2021, 9, 8), 1)]


def test_two_places_joined_before_road_are_its_ends(gazetteer):
    found = run("Roadside bomb hits convoy near Hilla\n\nA roadside bomb went off beside a convoy of trucks on the highway "
                "near Hilla on Tuesday, wounding a driver, officials said.\n\nA police statement said that an explosive "
                "device went off on the Hilla–Diwaniyah road, targeting a convoy of vehicles.",
                gazetteer, dt.date(2021, 7, 14))
    assert [(i.place.name, i.event_date, i.injured) for i in found] == [("Hillah", dt.date(2021, 7, 13), 1)]


def test_a_drone_dropping_a_munition_close_to_the_garrison_told_before_is_there(gazetteer):
    found = run("On Tuesday coalition aircraft struck pro-regime forces that had moved near the At Tanf garrison.\n\n"
                "Then yesterday, a pro-regime drone dropped a munition near a coalition position close to the garrison. "
                "There were no casualties.", gazetteer, dt.date(2017, 6, 9))
    assert sorted(i.event_date for i in found) == [dt.date(2017, 6, 6), dt.date(2017, 6, 8)]
    assert all("Tanf" in i.place.name for i in found)


def test_a_day_later_in_the_same_sentence_is_the_day_after_the_one_it_told(gazetteer):
    found = run("A drone killed two men in their car near Qaladiza on Friday evening, officials said, while Iranian "
                "artillery shelled villages near Sidakan a day later.", gazetteer, dt.date(2022, 9, 4))
    assert sorted((i.place.name, i.event_date) for i in found) == [
        ("Qeładizê", dt.date(2022, 9, 2)), ("Sidakan", dt.date(2022, 9, 3))]


def test_parts_of_a_town_and_the_bodies_a_hospital_received(gazetteer):
    found = run("On the morning of 3 March, air strikes hit homes in the central part of Douma. The town's hospital "
                "received the bodies of 11 civilians.", gazetteer, dt.date(2018, 3, 4))
    assert [(i.place.name, i.event_date, i.fatalities) for i in found] == [("Douma", dt.date(2018, 3, 3), 11)]


def test_fighting_at_one_place_is_not_the_means_of_a_strike_at_another(gazetteer):
    found = run("Fighting reaches the outskirts of Hama; air strike on Idlib city\n\n"
                "- An air strike on a residential area of Idlib city killed four civilians, rescuers said.",
                gazetteer, dt.date(2024, 12, 3))
    assert sorted((i.place.name, i.incident_type) for i in found) == [("Hama", "clash"), ("Idlib", "airstrike")]


def test_the_town_forces_advance_towards_and_the_directorate_that_speaks_are_no_sites(gazetteer):
    found = run("واصلت القوات الأمنية، أمس الجمعة، تقدمها نحو مدينة تكريت من محورها الجنوبي، وخاضت اشتباكات عنيفة مع عناصر "
                "التنظيم في بلدة الدور أسفرت عن مقتل ثلاثة عناصر.", gazetteer, dt.date(2015, 3, 7))
    assert [i.place.name for i in found] == ["Ad Dawr"]
    found = run("قُتل عنصران من الأمن العام مساء أمس الأحد في هجوم شنه مسلحون على حاجز قرب مدينة تلكلخ في ريف حمص الغربي، "
                "بحسب ما أعلنت مديرية الأمن العام في حمص.", gazetteer, dt.date(2025, 4, 7))
    assert [i.place.name for i in found] == ["Tallkalakh"]


def test_a_citys_district_named_after_it_is_the_site(gazetteer):
    found = run("Three people were killed in a gunfight between two clans in Basra's northern district of Qurna on "
                "Sunday, police said.", gazetteer, dt.date(2024, 3, 13))
    assert [i.place.name for i in found] == ["Al Qurnah"]


def test_a_feature_attack_a_few_kilometres_from_the_datelines_town(gazetteer):
    text = ("TAL AFAR, Iraq - Every morning the labourers ride a minibus out to the wheat fields west of the town.\n\n"
            "On Wednesday the road reminded them of the war. At about 7 a.m., a roadside bomb exploded beside the minibus "
            "on a dirt road a few kilometres from the town, killing one labourer.")
    found = run(text, gazetteer, dt.date(2018, 9, 16))
    assert [(i.place.name, i.event_date) for i in found] == [("Tal Afar", dt.date(2018, 9, 12))]


@pytest.mark.parametrize("text, killed", [
    ("Militants attacked an army post near Khanaqin on Friday. The exchange of fire lasted around 30 minutes; one "
     "soldier was killed.", 1),
    ("At least 11 fighters were killed on Thursday in clashes around the Tishrin Dam. The monitor put the death toll "
     "at 11, seven from the SNA and four from the SDF.", 11),
])
def test_a_duration_and_a_totals_parts_add_nobody(gazetteer, text, killed):
    found = run(text, gazetteer, dt.date(2025, 1, 3))
    assert [i.fatalities for i in found] == [killed]


def test_a_site_in_a_regions_district_and_a_road_named_by_where_it_leads(gazetteer):
    found = run("An explosive-laden drone struck the Khor Mor gas field in the Kurdistan Region's Chamchamal district "
                "late on Tuesday.", gazetteer, dt.date(2022, 6, 15))
    assert [i.place.name for i in found] == ["Khor Mor gas field"]
    found = run("Gunmen attacked a police checkpoint on the Kirkuk road about 10 km south of Tuz Khurmatu on Saturday.",
                gazetteer, dt.date(2018, 9, 17))
    assert [i.place.name for i in found] == ["Tuz Khurmatu"]


def test_a_while_clauses_town_is_a_site_though_the_first_clause_used_it_as_a_reference(gazetteer):
    found = run("قُتل عنصر في الحشد العشائري ومدني، مساء أمس الاثنين، في هجوم شنّه مسلحون على قرية زراعية قرب قضاء "
                "المقدادية شمال شرقي بعقوبة، فيما قُتل موظف حكومي صباح اليوم الثلاثاء بانفجار عبوة لاصقة وُضعت أسفل سيارته "
                "في مدينة بعقوبة.\n\nوأكدت خلية الإعلام الأمني في بيان لاحق أن المسلحين حاولوا التعرض لإحدى القرى التابعة "
                "لقضاء المقدادية، مشيرة إلى أن عملية تفتيش واسعة انطلقت فجر اليوم بإسناد من طيران الجيش.",
                gazetteer, dt.date(2021, 3, 16))
    assert sorted((i.place.name, i.event_date) for i in found) == [
        ("Baqubah", dt.date(2021, 3, 16)), ("Muqdadiyah", dt.date(2021, 3, 15))]


def test_a_bomb_planted_on_a_road_and_that_went_off_keeps_its_day(gazetteer):
    found = run("KIRKUK - A policeman was killed on Saturday when a roadside bomb struck a patrol near Daquq, and two "
                "soldiers were killed early on Sunday in an attack on a checkpoint near Hawija.\n\nIn a statement, police "
                "said the device had been planted on a rural road linking Daquq with villages to its east and went off as "
                "a patrol passed on Saturday afternoon.", gazetteer, dt.date(2022, 10, 16))
    assert [i.event_date for i in found if i.place.name == "Dāqūq"] == [dt.date(2022, 10, 15)]


def test_and_right_after_the_first_place_opens_the_second_attack(gazetteer):
    found = run("A policeman was killed on Saturday when a roadside bomb struck a patrol near Daquq, and two soldiers were "
                "killed early on Sunday in an attack on a checkpoint near Hawija.", gazetteer, dt.date(2022, 10, 16))
    assert sorted((i.place.name, i.event_date, i.fatalities) for i in found) == [
        ("Al Ḩawījah", dt.date(2022, 10, 16), 2), ("Dāqūq", dt.date(2022, 10, 15), 1)]


def test_ages_are_no_head_count(gazetteer):
    found = run("A roadside bomb killed two brothers, aged 24 and 31, on a farm track near Sinjar on Saturday.",
                gazetteer, dt.date(2022, 4, 3))
    assert [i.fatalities for i in found] == [2]


def test_a_definite_retelling_adds_no_site_beside_the_one_told(gazetteer):
    found = run("On Wednesday night, a missile struck an army position on the outskirts of Izra, wounding two soldiers.\n\n"
                "In Daraa, residents said the strike on Izra caused panic in the town.", gazetteer, dt.date(2020, 8, 6))
    assert [i.place.name for i in found] == ["Izra‘"]


def test_a_single_clash_is_an_attack_word(gazetteer):
    found = run("- Officials in Aleppo say three attackers were killed in a clash at a checkpoint near Deir Hafer "
                "yesterday evening.", gazetteer, dt.date(2025, 1, 21))
    assert [(i.place.name, i.incident_type, i.event_date) for i in found] == [
        ("Dayr Ḩāfir", "clash", dt.date(2025, 1, 20))]


def test_at_the_edge_of_a_town_is_at_the_town(gazetteer):
    found = run("To recap: government forces and the SDF clashed this morning at the edge of Deir Hafer, east of Aleppo, "
                "with two fighters killed; and a drone struck an army position near Maskanah late on Monday, wounding "
                "three soldiers.", gazetteer, dt.date(2025, 10, 28))
    assert sorted((i.place.name, i.event_date) for i in found) == [
        ("Dayr Ḩāfir", dt.date(2025, 10, 28)), ("Maskanah", dt.date(2025, 10, 27))]


def test_coalition_aircrafts_raids_and_bombardment_are_air_strikes(gazetteer):
    found = run("شنت طائرات التحالف الدولي فجر اليوم الخميس سلسلة غارات على مصافٍ نفطية قرب مدينة الميادين، في توسيع لحملة "
                "القصف التي بدأت قبل أيام.", gazetteer, dt.date(2014, 9, 25))
    assert [(i.place.name, i.incident_type) for i in found] == [("al-Mayadin", "airstrike")]


def test_a_sentence_naming_one_of_two_attacks_places_the_figures_that_follow(gazetteer):
    found = run("A Turkish drone strike killed a man near Batifa on Thursday, and Turkish jets struck hills near Amadiya "
                "on Saturday.\n\nThe mayor of Batifa said the drone hit the car north of the town. Nobody else was hurt, "
                "he said.", gazetteer, dt.date(2021, 6, 6))
    assert sorted((i.place.name, i.injured) for i in found) == [("Al ‘Amādīyah", None), ("Batifa", 0)]


def test_no_one_but_the_two_hurt_in_another_word_order(gazetteer):
    found = run("قُتل شخصان بغارة لطائرة مسيّرة على سيارة قرب مدينة القصير أمس. وأضاف أن أحداً غيرهما لم يُصب.",
                gazetteer, dt.date(2024, 10, 7))
    assert [(i.fatalities, i.injured) for i in found] == [(2, 0)]


def test_no_one_else_hurt_in_english(gazetteer):
    found = run("A drone strike killed a man in Khan Arnabeh on Monday. He said no one else was hurt.",
                gazetteer, dt.date(2024, 10, 15))
    assert [(i.fatalities, i.injured) for i in found] == [(1, 0)]


def test_a_neighbourhood_the_gazetteer_lacks_is_not_a_facility_of_the_same_name(gazetteer):
    found = run("قتل 14 مدنياً بغارات لطائرات التحالف على حي الرميلة في مدينة الرقة أمس.", gazetteer, dt.date(2017, 8, 28))
    assert [i.place.name for i in found] == ["Raqqa"]


def test_a_citys_possessed_facility_with_an_adjective_is_the_site(gazetteer):
    found = run("BAGHDAD - Nine Katyusha rockets struck Baghdad's fortified Green Zone on Thursday.", gazetteer,
                dt.date(2022, 10, 14))
    assert [i.place.name for i in found] == ["Green Zone"]


def test_the_second_day_of_an_operation_is_not_today_and_since_this_morning_is(gazetteer):
    found = run("معارك على أطراف تل أبيض في اليوم الثاني من العملية\n\nالجمعة 11 تشرين الأول/أكتوبر 2019\n\nوقالت مصادر إن "
                "اشتباكات عنيفة اندلعت أمس على أطراف مدينة تل أبيض.", gazetteer, dt.date(2019, 10, 11))
    assert [(i.place.name, i.event_date) for i in found] == [("Tal Abyad", dt.date(2019, 10, 10))]
    found = run("وثّق المرصد مقتل ٢١ مدنياً جراء غارات جوية على أحياء حلب الشرقية المحاصرة منذ صباح اليوم الأربعاء، في اليوم "
                "الثاني من استئناف الحملة الجوية على المدينة.", gazetteer, dt.date(2016, 11, 16))
    assert [(i.place.name, i.event_date) for i in found] == [("Aleppo", dt.date(2016, 11, 16))]


def test_the_area_fire_came_from_is_no_site(gazetteer):
    found = run("وفي عين عيسى، أفاد مراسل بأن القوات التركية قصفت صباح اليوم الاثنين بالمدفعية الثقيلة أطراف البلدة، انطلاقاً "
                "من مواقعها في منطقة تل أبيض.", gazetteer, dt.date(2023, 6, 19))
    assert [i.place.name for i in found] == ["‘Ayn ‘Īsá"]


def test_the_city_the_displaced_or_a_press_conference_are_in_is_no_site(gazetteer):
    found = run("قال مصدر محلي من أهالي زمار النازحين في دهوك إن اشتباكات عنيفة اندلعت في زمار يوم السبت.",
                gazetteer, dt.date(2014, 10, 27))
    assert "Duhok" not in [i.place.name for i in found]
    found = run("وقال المتحدث في مؤتمر صحافي ببغداد إن القطعات خاضت اشتباكات عنيفة مع مسلحي التنظيم في الرمادي أمس.",
                gazetteer, dt.date(2015, 12, 23))
    assert [i.place.name for i in found] == ["Ramadi"]


# each report tells one site and day (or two), the ones a reader takes from it
SITES_AND_DAYS = [
    pytest.param("Farmers near Qayyarah had hoped for a quiet harvest. But on Tuesday, the fighting came back. A roadside "
                 "bomb went off under a tractor near Qayyarah, killing the driver.",
                 dt.date(2019, 7, 10),
                 [("Qayyarah", dt.date(2019, 7, 9))],
                 id="the_sentence_just_before_dates_an_attack_when_nothing_else_does"),
    pytest.param("قتل ثلاثة مدنيين بانفجار سيارة مفخخة أمس في مدينة تل أبيض.\n\n"
                 "ولا يعد انفجار أمس الأول من نوعه في تل أبيض، إذ شهدت المدينة تفجيرات مماثلة خلال العام.",
                 dt.date(2019, 11, 24),
                 [("Tal Abyad", dt.date(2019, 11, 23))],
                 id="yesterdays_blast_the_first_of_its_kind_is_yesterdays"),
    pytest.param("مقتل جنديين بعبوة ناسفة في بلدروز\n\n"
                 "قُتل جنديان وأصيب ثلاثة آخرون، مساء أمس الأحد، بانفجار عبوة ناسفة استهدفت دورية للجيش على طريق زراعي قرب "
                 "قضاء بلدروز.\n\nوقال مصدر أمني إن العبوة كانت مزروعة على جانب الطريق.\n\n"
                 "وأصدرت خلية الإعلام الأمني بياناً صباح اليوم جاء فيه أن «عناصر التنظيم أقدموا على تفجير عبوة ناسفة على قوة "
                 "من الجيش قرب بلدروز، ما أدى إلى استشهاد منتسبين اثنين وجرح ثلاثة آخرين».",
                 dt.date(2022, 11, 7),
                 [("Baladrūz", dt.date(2022, 11, 6))],
                 id="the_morning_a_statement_was_issued_is_not_the_attacks_day"),
    pytest.param("Coalition air strikes hit Islamic State positions in villages near Manbij on Thursday, killing 15 "
                 "fighters.\n\nAn SDF spokesman said the strikes targeted positions in villages east of Manbij, where the "
                 "fighters had gathered after losing ground earlier in the week.",
                 dt.date(2016, 6, 3),
                 [("Manbij", dt.date(2016, 6, 2))],
                 id="strikes_told_on_a_day_then_with_earlier_in_the_week_are_one"),
    pytest.param('"Our forces fought the militants in Makhmour this morning, street by street," a peshmerga commander '
                 "told us by telephone on Sunday evening. He said three fighters had been killed.",
                 dt.date(2014, 8, 11),
                 [("Makhmour", dt.date(2014, 8, 10))],
                 id="a_quoted_this_morning_is_the_morning_of_the_day_it_was_said"),
    pytest.param("Fierce clashes broke out yesterday, Sunday, between the SDF and Islamic State near al-Susah, killing six "
                 'fighters.\n\nThe SDF, in a short statement on Monday, acknowledged "martyrs" among its fighters near '
                 "al-Susah and said its forces had regained all positions lost during the fighting.",
                 dt.date(2018, 10, 8),
                 [("As Sūsah", dt.date(2018, 10, 7))],
                 id="a_short_statements_day_is_not_the_clashs"),
    pytest.param("DIYALA - Wednesday 21 June\n- Militants attacked a PMF checkpoint on the outskirts of al-Muqdadiyah "
                 "shortly after midnight, killing two fighters.",
                 dt.date(2023, 6, 24),
                 [("Muqdadiyah", dt.date(2023, 6, 21))],
                 id="a_labels_day_beats_shortly_after_midnight"),
    pytest.param("SUMMARY\nA quiet week, with one notable incident: a roadside bomb that damaged an army vehicle near Rawah.\n\n"
                 "- Sunday 26 June — Anbar. An improvised explosive device detonated beside a road on the outskirts of Rawah "
                 "as an army patrol passed. Two soldiers were wounded.",
                 dt.date(2022, 6, 30),
                 [("Rawa", dt.date(2022, 6, 26))],
                 id="a_bullets_label_day_survives_an_undated_summary_of_the_same_attack"),
    pytest.param("French warplanes carried out their heaviest raid yet on the group's de facto capital of Raqqa in "
                 "northern Syria on Sunday night, hitting a command post.",
                 dt.date(2015, 11, 16),
                 [("Raqqa", dt.date(2015, 11, 15))],
                 id="a_raid_on_a_groups_capital_of_a_city_is_at_the_city"),    # al-Riyadh in Kirkuk's Hawija district, not Saudi Arabia's capital; Saida east of Daraa; the Kisik junction
    pytest.param("A roadside bomb struck an army patrol in al-Riyadh, west of Kirkuk, on Monday, killing two soldiers.",
                 dt.date(2024, 3, 5),
                 [("Ar Riyāḑ", dt.date(2024, 3, 4))],
                 id="al_riyadh_near_kirkuk_is_the_hawija_town"),
    pytest.param("قصفت قوات النظام بلدة صيدا في ريف درعا الشرقي يوم الاثنين.",
                 dt.date(2024, 3, 5),
                 [("Saida", dt.date(2024, 3, 4))],
                 id="saida_in_the_daraa_countryside_is_the_daraa_town"),
    pytest.param("Peshmerga fighters clashed with Islamic State militants near the Kisik junction on Monday.",
                 dt.date(2015, 1, 20),
                 [("Kisik", dt.date(2015, 1, 19))],
                 id="the_kisik_junction_west_of_mosul"),    # … but Saida in southern Lebanon is Sidon, outside our area
    pytest.param("غارة إسرائيلية بطائرة مسيرة استهدفت سيارة في مدينة صيدا جنوبي لبنان يوم الاثنين.",
                 dt.date(2024, 3, 5), [], id="saida_in_southern_lebanon_is_sidon"),
    pytest.param("An Israeli drone struck a car in Saida, in southern Lebanon, on Monday.",
                 dt.date(2024, 3, 5), [], id="saida_in_southern_lebanon_is_sidon_in_english_too"),    # "قنوات" (channels) is no Qanawat; a neighbourhood or longer name after a province's is no province
    pytest.param("وأعلنت «المقاومة الإسلامية في العراق»، في بيان نشرته على قنوات تابعة لها في تطبيق تلغرام، أنها "
                 "استهدفت بطائرة مسيرة قاعدة حرير أمس الخميس.",
                 dt.date(2023, 10, 27), [("Harir Air Base", dt.date(2023, 10, 26))], id="channels_are_no_town"),
    pytest.param("اندلعت اشتباكات عنيفة أمس في حي القادسية شمالي تكريت بين القوات الأمنية ومسلحي التنظيم.",
                 dt.date(2015, 3, 15), [("Tikrit", dt.date(2015, 3, 14))],
                 id="a_neighbourhood_named_like_a_province_is_in_its_city"),
    pytest.param("Counter-terrorism troops fought Islamic State militants in the Qadisiya al-Thaniya district of eastern "
                 "Mosul on Friday.",
                 dt.date(2016, 11, 19), [("Mosul", dt.date(2016, 11, 18))],
                 id="a_longer_name_beginning_with_a_provinces_is_no_province"),
    # a day in a since-clause is not the attack's, even when the other day is the one the army spoke of
    pytest.param("أعلن الجيش التركي مقتل خمسة من جنوده أمس السبت في ريف عفرين، حين استُهدفت دبابة لهم خلال اشتباكات مع "
                 "المقاتلين الأكراد، في أكبر خسارة يتكبدها في يوم واحد منذ بدء عمليته العسكرية في العشرين من كانون "
                 "الثاني/يناير الماضي.",
                 dt.date(2018, 2, 4), [("Afrin", dt.date(2018, 2, 3))], id="a_day_since_which_is_not_the_attacks"),
    # the streets of a town, the US post named after it, a side of a city
    pytest.param("Army units battled militants in the streets of al-Qaim on Thursday.",
                 dt.date(2017, 11, 2), [("al-Qaim", dt.date(2017, 11, 2))], id="the_streets_of_a_town"),
    pytest.param("On Sunday, a one-way attack drone hit Mission Support Site Shaddadi.",
                 dt.date(2017, 10, 31), [("al-Shaddadi", dt.date(2017, 10, 29))], id="a_mission_support_site"),
    pytest.param("قتل جنديان أمس الاثنين في اشتباكات مع مسلحين في الجانب الأيمن من الموصل.",
                 dt.date(2017, 11, 2), [("Mosul", dt.date(2017, 11, 1))], id="the_right_bank_of_mosul"),
    # each target after its own day, the second joined by و after a comma
    pytest.param("تبنت جماعة مسلحة هجومين بطائرات مسيرة استهدفا قاعدة حرير مساء أمس الأحد، وحقل كونيكو في ريف دير الزور "
                 "فجر اليوم الاثنين.",
                 dt.date(2023, 11, 6),
                 [("Harir Air Base", dt.date(2023, 11, 5)), ("Conoco gas field", dt.date(2023, 11, 6))],
                 id="two_targets_each_after_its_own_day"),    # a headline's attack told again as "a second wave" is still one attack; the base jets fly from is no site
    pytest.param("Israeli strikes hit border area near Qusayr and a depot outside Hama\n\n"
                 "DAMASCUS, Nov 9 (Wire) - Israeli air strikes hit a border area near Qusayr late on Thursday and a "
                 "depot outside Hama on Friday, a war monitor said.\n\n"
                 "On Thursday evening, Israeli jets struck a crossing near Qusayr, killing three people.\n\n"
                 "On Friday afternoon, a second wave of strikes hit a warehouse on the outskirts of Hama, wounding five.",
                 dt.date(2024, 11, 9),
                 [("al-Qusayr", dt.date(2024, 11, 7)), ("Hama", dt.date(2024, 11, 8))],
                 id="the_headlines_second_wave_is_one_attack"),
    pytest.param("Artillery shells hit a market in rebel-held Sarmada on Saturday, monitors said. They attributed later "
                 "strikes to Russian jets operating from Hmeimim.",
                 dt.date(2023, 10, 8), [("Sarmada", dt.date(2023, 10, 7))], id="jets_operating_from_a_base"),
    # a since-phrase measuring the attack is no tally
    pytest.param("قُتل خمسة جنود أمس في الرقة في أعنف اشتباكات منذ بدء المعركة.",
                 dt.date(2017, 7, 16), [("Raqqa", dt.date(2017, 7, 15))], id="the_fiercest_clashes_since"),
    pytest.param("Five soldiers were killed in Raqqa on Saturday in the fiercest clashes since the start of the year.",
                 dt.date(2017, 7, 16), [("Raqqa", dt.date(2017, 7, 15))], id="the_fiercest_clashes_since_in_english"),    # the weapons of one attack, then its day; the command that speaks is named after its province
    pytest.param("هاجم مسلحون نقطة لقسد في هجين بالأسلحة الخفيفة والقنابل اليدوية أمس.",
                 dt.date(2024, 9, 20), [("Hajin", dt.date(2024, 9, 19))], id="the_weapons_of_one_attack_then_its_day"),
    pytest.param("وقال مصدر في قيادة الأمن الداخلي بمحافظة اللاذقية إن عبوة ناسفة انفجرت بسيارة عسكرية أمس، ما أدى إلى "
                 "إصابة عنصرين.",
                 dt.date(2025, 6, 28), [], id="a_command_named_after_its_province_is_no_site"),    # "near the capital" says where the area the town lies in is
    pytest.param("قُتل 18 مدنياً أمس الأربعاء في غارات جوية استهدفت بلدة كفربطنا في الغوطة الشرقية المحاصرة قرب دمشق، وفق "
                 "الدفاع المدني.",
                 dt.date(2018, 2, 22), [("Kafr Baţnā", dt.date(2018, 2, 21))], id="near_the_capital_says_where_the_area_is"),    # last week's bomb, told again on its day six days before the report
    pytest.param("A roadside bomb killed two PMF members near al-Qaim last week, officials said.\n\n"
                 "The blast happened on Wednesday, September 9, on a road south of al-Qaim.",
                 dt.date(2020, 9, 15), [("al-Qaim", dt.date(2020, 9, 9))], id="last_weeks_bomb_told_on_its_day"),
    # where residents live, where attackers withdrew, an apposition that says where a town lies
    pytest.param("Residents of Jindayris, a town in the Afrin region under the control of Turkish-backed factions, said a "
                 "loud explosion was heard at the edge of the town on Tuesday.",
                 dt.date(2024, 10, 16), [], id="a_town_in_a_region_says_where_the_speakers_live"),
    # the district the field is located in; the strikes a sentence answers
    pytest.param("تعرّض حقل كورمور للغاز الواقع في قضاء جمجمال، عصر اليوم السبت، لقصف بصواريخ كاتيوشا.",
                 dt.date(2022, 6, 25), [("Khor Mor gas field", dt.date(2022, 6, 25))], id="the_district_a_field_lies_in"),
    pytest.param("شنت طائرات أمريكية فجر أمس ضربات على مواقع في القائم، رداً على سلسلة هجمات متكررة استهدفت قواتها.",
                 dt.date(2024, 1, 18), [("al-Qaim", dt.date(2024, 1, 17))], id="strikes_in_response_to_a_series"),
    # where the shells were fired from; the clashes "only two days" before the bomb told first
    pytest.param("وكانت قرى في ريف بلدة تل تمر قد تعرضت، يوم الخميس الماضي، لقصف مدفعي تركي من مواقع الفصائل الموالية "
                 "لأنقرة في محيط رأس العين، ما أسفر عن إصابة مدنيين اثنين.",
                 dt.date(2024, 1, 28), [("Tall Tamr", dt.date(2024, 1, 25))], id="shells_fired_from_positions_near_a_town"),
    pytest.param("قتل قيادي سابق، أمس الخميس، بانفجار عبوة ناسفة في سيارته بمدينة طفس، بعد يومين فقط من اشتباكات عنيفة "
                 "شهدتها مدينة جاسم.",
                 dt.date(2023, 4, 21), [("Ţafas", dt.date(2023, 4, 20)), ("Jāsim", dt.date(2023, 4, 18))],
                 id="only_two_days_after"),
    pytest.param("Russian airstrikes hit al-Qaryatayn this morning, according to activists from the town now living in Homs.",
                 dt.date(2016, 3, 26), [("Al Qaryatayn", dt.date(2016, 3, 26))], id="where_the_activists_now_live"),
    pytest.param("Islamic State ambush kills eight Syrian soldiers near al-Sukhnah\n\n"
                 "The Observatory said the attackers used machine guns and rocket-propelled grenades and withdrew into the "
                 "Badia, the vast desert that stretches from the outskirts of Damascus to the Iraqi border, before Russian "
                 "aircraft arrived.",
                 dt.date(2024, 3, 26), [("As Sukhnah", None)], id="the_desert_the_attackers_withdrew_into"),
]


@pytest.mark.parametrize("text, published, expected", SITES_AND_DAYS)
def test_the_sites_and_days_a_report_tells(gazetteer, text, published, expected):
    found = run(text, gazetteer, published)
    assert [(i.place.name, i.event_date) for i in found] == expected


def test_the_city_the_displaced_head_for_is_no_site(gazetteer):
    found = run("قذائف هاون تقتل ثلاثة مدنيين في بلدة قره قوش وآلاف العائلات تنزح نحو أربيل", gazetteer, dt.date(2014, 8, 7))
    assert "Erbil" not in [i.place.name for i in found]
