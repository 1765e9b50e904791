using Beraterpool.Web.Features.Advisors;
using static Beraterpool.Web.Features.Advisors.LanguageLevel;

namespace Beraterpool.Web.Features.Demo;

// The demo's content: fictional people with realistic profiles. Checked by the statistics tests.
public static partial class DemoSeed
{
    private sealed record SeedTopic(string Slug, string De, string En, string Fr);

    private sealed record SeedCity(string Key, string Name, string RegisterName, string Type, int Population, string PostalCode, double Latitude, double Longitude);

    private sealed record SeedLanguage(string Code, LanguageLevel Level);

    private sealed record SeedAdvisor(
        string First, string Last, Gender Gender, int Age, string City, string[] Countries, SeedLanguage[] Languages,
        string[] Topics, string Expertise, string Bio, ConsentField[] Withheld);

    private static readonly SeedTopic[] SeedTopics =
    [
        new("faire-beschaffung", "Faire Beschaffung", "Fair procurement", "Achats publics équitables"),
        new("fairer-handel", "Fairer Handel", "Fair trade", "Commerce équitable"),
        new("zivilgesellschaft", "Zivilgesellschaft und Migrantenorganisationen", "Civil society and migrant organisations", "Société civile et organisations de migrants"),
        new("kommunale-partnerschaften", "Kommunale Partnerschaften mit dem Globalen Süden", "Municipal partnerships with the Global South", "Partenariats municipaux avec les pays du Sud"),
        new("agenda-2030", "Agenda 2030 und Nachhaltigkeitsziele (SDGs)", "2030 Agenda and Sustainable Development Goals (SDGs)", "Agenda 2030 et objectifs de développement durable (ODD)"),
        new("interkulturelle-oeffnung", "Interkulturelle Öffnung", "Intercultural opening", "Ouverture interculturelle"),
        new("globales-lernen", "Globales Lernen und Bildung", "Global learning and education", "Éducation à la citoyenneté mondiale"),
    ];

    private static readonly SeedCity[] Cities =
    [
        new("05334002", "Aachen", "Aachen, Stadt", "63", 248960, "52062", 50.773516, 6.0848),
        new("05314000", "Bonn", "Bonn, Stadt", "61", 329673, "53111", 50.734245, 7.099187),
        new("05911000", "Bochum", "Bochum, Stadt", "61", 365587, "44787", 51.482699, 7.217177),
        new("05111000", "Düsseldorf", "Düsseldorf, Stadt", "61", 621877, "40213", 51.22422, 6.780068),
        new("05112000", "Duisburg", "Duisburg, Stadt", "61", 498686, "47051", 51.433259, 6.765477),
        new("05913000", "Dortmund", "Dortmund, Stadt", "61", 588250, "44135", 51.514171, 7.464165),
        new("05915000", "Hamm", "Hamm, Stadt", "61", 179916, "59065", 51.678312, 7.816947),
        new("05315000", "Köln", "Köln, Stadt", "61", 1087863, "50667", 50.938107, 6.957068),
        new("05515000", "Münster", "Münster, Stadt", "61", 315293, "48127", 51.961908, 7.626804),
        new("05117000", "Mülheim an der Ruhr", "Mülheim an der Ruhr, Stadt", "61", 170632, "45468", 51.428107, 6.88505),
        new("05374048", "Wiehl", "Wiehl, Stadt", "63", 25161, "51674", 50.949871, 7.547029),
        new("05954036", "Witten", "Witten, Stadt", "63", 96459, "58452", 51.438718, 7.337177),
        new("08111000", "Stuttgart", "Stuttgart, Landeshauptstadt", "62", 635911, "70173", 48.775817, 9.177734),
        new("08212000", "Karlsruhe", "Karlsruhe, Stadt", "62", 312060, "76124", 49.009626, 8.405282),
        new("08221000", "Heidelberg", "Heidelberg, Stadt", "62", 161485, "69117", 49.408826, 8.702067),
        new("08222000", "Mannheim", "Mannheim, Universitätsstadt", "62", 310658, "68159", 49.48778, 8.466275),
        new("08311000", "Freiburg im Breisgau", "Freiburg im Breisgau, Stadt", "62", 231195, "79098", 47.994786, 7.849877),
        new("08416041", "Tübingen", "Tübingen, Universitätsstadt", "67", 91506, "72070", 48.522143, 9.057829),
    ];

    private const string Aachen = "05334002", Bonn = "05314000", Bochum = "05911000", Duesseldorf = "05111000", Duisburg = "05112000",
        Dortmund = "05913000", Hamm = "05915000", Koeln = "05315000", Muenster = "05515000", Muelheim = "05117000",
        Wiehl = "05374048", Witten = "05954036";

    private static SeedLanguage L(string code, LanguageLevel level) => new(code, level);

    // 8 women, 12 men; ages 23–65; 12 cities; 16 countries (ET BD CI GH GN GW IN CM KE CG MA NG RW SN ZA VN).
    // Withheld consents are chosen so that no public figure depends on them.
    private static readonly SeedAdvisor[] NrwAdvisors =
    [
        new("Amina", "Tesfaye", Gender.Female, 34, Koeln, ["ET"], [L("am", Native), L("de", Fluent), L("en", Fluent)],
            ["zivilgesellschaft", "interkulturelle-oeffnung"],
            "Vereinsberatung, Projektmanagement, Migrantenorganisationen",
            "Ich bin in Addis Abeba aufgewachsen und lebe seit fünfzehn Jahren in Köln. Als Sozialarbeiterin begleite ich Migrantenorganisationen beim Aufbau ihrer Vereinsstrukturen und bringe sie mit Kommunalverwaltungen ins Gespräch.",
            []),
        new("Fatou", "Ndiaye", Gender.Female, 41, Bonn, ["SN"], [L("wo", Native), L("fr", Native), L("de", Fluent)],
            ["fairer-handel", "agenda-2030"],
            "Fairer Handel, Bildungsarbeit, Netzwerke in Westafrika",
            "Seit meinem Studium der Agrarökonomie in Bonn arbeite ich zu fairen Lieferketten. Ich habe Weltläden und Fairtrade-Towns beraten und kenne Kooperativen in Senegal aus eigener Anschauung.",
            []),
        new("Nasrin", "Rahman", Gender.Female, 29, Duesseldorf, ["BD"], [L("bn", Native), L("de", Fluent), L("en", Fluent)],
            ["faire-beschaffung", "agenda-2030"],
            "Nachhaltige öffentliche Beschaffung, Textilien, Sozialstandards",
            "Als Wirtschaftsingenieurin kenne ich die Textilproduktion in Bangladesch und die Vergabepraxis deutscher Kommunen. Ich helfe Beschaffungsstellen, soziale Kriterien in Ausschreibungen zu verankern.",
            []),
        new("Grace", "Mwangi", Gender.Female, 52, Dortmund, ["KE"], [L("sw", Native), L("en", Fluent), L("de", Fluent)],
            ["kommunale-partnerschaften", "globales-lernen"],
            "Städtepartnerschaften, Schulpartnerschaften, Moderation",
            "Ich habe viele Jahre in der Erwachsenenbildung gearbeitet und begleite Partnerschaften zwischen Schulen und Kommunen in Deutschland und Kenia. Mir ist wichtig, dass beide Seiten voneinander lernen.",
            []),
        new("Marie-Claire", "Uwase", Gender.Female, 23, Muenster, ["RW"], [L("rw", Native), L("fr", Fluent), L("de", Fluent), L("en", Good)],
            ["globales-lernen"],
            "Jugendbeteiligung, Globales Lernen, Social Media",
            "Ich studiere in Münster Politikwissenschaft und engagiere mich in der entwicklungspolitischen Jugendarbeit. Ich zeige Kommunen, wie sie junge Menschen mit Migrationsgeschichte für ihre Themen gewinnen.",
            []),
        new("Aïcha", "Benali", Gender.Female, 47, Duisburg, ["MA"], [L("ar", Native), L("fr", Fluent), L("de", Fluent)],
            ["interkulturelle-oeffnung", "zivilgesellschaft"],
            "Interkulturelle Öffnung der Verwaltung, Diversity-Trainings",
            "Als Trainerin für interkulturelle Kompetenz habe ich Verwaltungen im Ruhrgebiet begleitet. Ich unterstütze Kommunen dabei, Menschen mit Migrationsgeschichte als Akteure der Entwicklungspolitik sichtbar zu machen.",
            []),
        new("Thi Lan", "Nguyen", Gender.Female, 38, Bochum, ["VN"], [L("vi", Native), L("de", Fluent), L("en", Good)],
            ["faire-beschaffung"],
            "Öffentliche Beschaffung, IT-Hardware, Lieferkettengesetz",
            "Ich arbeite als Einkäuferin in der Privatwirtschaft und kenne die Elektronikfertigung in Vietnam. Kommunen berate ich zu fairer IT-Beschaffung.",
            [ConsentField.Photo]),
        new("Adjoa", "Mensah", Gender.Female, 58, Witten, ["GH"], [L("ak", Native), L("en", Fluent), L("de", Fluent)],
            ["kommunale-partnerschaften", "fairer-handel"],
            "Kakao und fairer Handel, Partnerschaftsarbeit",
            "Ich stamme aus Kumasi und habe in Witten ein Netzwerk ghanaischer Vereine mit aufgebaut. Ich bringe Kommunen mit Partnern in Ghana zusammen, etwa rund um fair gehandelten Kakao.",
            []),
        new("Kwame", "Asante", Gender.Male, 65, Koeln, ["GH"], [L("ak", Native), L("en", Fluent), L("de", Fluent)],
            ["kommunale-partnerschaften", "agenda-2030"],
            "Kommunale Entwicklungszusammenarbeit, Verwaltungserfahrung",
            "Nach vierzig Jahren in Deutschland, davon viele in einer Stadtverwaltung, gebe ich meine Erfahrung weiter. Ich begleite Kommunen beim Aufbau von Partnerschaften mit Städten in Westafrika.",
            []),
        new("Chinedu", "Okafor", Gender.Male, 44, Aachen, ["NG"], [L("ig", Native), L("en", Fluent), L("de", Fluent)],
            ["faire-beschaffung", "fairer-handel"],
            "Vergaberecht, Nachhaltigkeitskriterien, Zertifizierungen",
            "Als Jurist mit Schwerpunkt Vergaberecht berate ich Kommunen in der Region Aachen. Ich übersetze Nachhaltigkeitsziele in rechtssichere Ausschreibungen.",
            []),
        new("Mamadou", "Diallo", Gender.Male, 36, Hamm, ["GN"], [L("ff", Native), L("fr", Fluent), L("de", Fluent)],
            ["zivilgesellschaft"],
            "Migrantenorganisationen, Ehrenamt, Vereinsgründung",
            "Ich leite ehrenamtlich einen Verein in Hamm, der Bildungsprojekte in Guinea unterstützt. Ich weiß, was Vereine brauchen, um mit Kommunen auf Augenhöhe zusammenzuarbeiten.",
            []),
        new("Armando", "Có", Gender.Male, 50, Muelheim, ["GW"], [L("pt", Native), L("de", Fluent), L("fr", Good)],
            ["kommunale-partnerschaften"],
            "Projektentwicklung, Fördermittel, lusophone Länder",
            "Ich habe Projekte in Guinea-Bissau und Mosambik koordiniert und kenne die Förderprogramme für Kommunen. Ich helfe, aus einer Idee ein tragfähiges Partnerschaftsprojekt zu machen.",
            []),
        new("Rajesh", "Iyer", Gender.Male, 42, Wiehl, ["IN"], [L("ta", Native), L("hi", Fluent), L("en", Fluent), L("de", Fluent)],
            ["agenda-2030", "globales-lernen"],
            "Nachhaltigkeitsberichte, SDG-Indikatoren, Datenanalyse",
            "Als Ingenieur im Oberbergischen arbeite ich mit Kommunen an Nachhaltigkeitsberichten. Ich mache die Agenda 2030 für Politik und Verwaltung greifbar.",
            []),
        new("Jean-Pierre", "Mbarga", Gender.Male, 55, Bonn, ["CM"], [L("fr", Native), L("en", Fluent), L("de", Fluent)],
            ["kommunale-partnerschaften", "zivilgesellschaft"],
            "Dialogforen, Moderation, frankophones Afrika",
            "Ich moderiere seit vielen Jahren Dialogforen zwischen Kommunen und Diaspora-Organisationen. Mein Anliegen ist, dass alle Beteiligten als Lernende zusammenkommen.",
            [ConsentField.Age]),
        new("Serge", "Kouassi", Gender.Male, 31, Duesseldorf, ["CI"], [L("fr", Native), L("de", Fluent), L("en", Good)],
            ["fairer-handel", "globales-lernen"],
            "Kampagnenarbeit, Veranstaltungen, Bildung für nachhaltige Entwicklung",
            "Ich organisiere Veranstaltungen zum fairen Handel und arbeite mit Schulen in Düsseldorf. Kommunen unterstütze ich bei Aktionswochen und Bildungsangeboten.",
            []),
        new("Rodrigue", "Malonga", Gender.Male, 39, Dortmund, ["CG"], [L("ln", Native), L("fr", Native), L("de", Fluent)],
            ["interkulturelle-oeffnung"],
            "Interkulturelle Kommunikation, Integrationsräte",
            "Als Mitglied eines Integrationsrats kenne ich die kommunale Politik von innen. Ich berate dazu, wie Migrantinnen und Migranten in bestehende Projekte einbezogen werden können.",
            []),
        new("Youssef", "El Amrani", Gender.Male, 27, Koeln, ["MA"], [L("ar", Native), L("fr", Fluent), L("de", Native), L("en", Good)],
            ["globales-lernen", "interkulturelle-oeffnung"],
            "Jugendarbeit, digitale Bildung, Podcasts",
            "Ich bin in Köln geboren, meine Familie stammt aus Marokko. Ich entwickle digitale Bildungsformate zu globalen Themen und bringe junge Menschen in die kommunale Entwicklungspolitik.",
            []),
        new("Thabo", "Nkosi", Gender.Male, 46, Muenster, ["ZA"], [L("zu", Native), L("en", Native), L("de", Fluent), L("af", Good)],
            ["agenda-2030", "faire-beschaffung"],
            "Klimapartnerschaften, Energie, nachhaltige Stadtentwicklung",
            "Ich arbeite als Stadtplaner und begleite Klimapartnerschaften zwischen deutschen und südafrikanischen Kommunen. Nachhaltige Beschaffung ist für mich ein Hebel für globale Gerechtigkeit.",
            []),
        new("Dawit", "Bekele", Gender.Male, 60, Bochum, ["ET"], [L("am", Native), L("de", Fluent), L("en", Fluent)],
            ["zivilgesellschaft", "kommunale-partnerschaften"],
            "Diaspora-Engagement, Gesundheitsprojekte",
            "Als Arzt im Ruhestand engagiere ich mich für Gesundheitsprojekte in Äthiopien. Ich zeige Kommunen, wie sie das Wissen und die Netzwerke der Diaspora nutzen können.",
            []),
        new("Emmanuel", "Adeyemi", Gender.Male, 33, Duisburg, ["NG"], [L("yo", Native), L("en", Fluent), L("de", Fluent)],
            ["fairer-handel"],
            "Social Entrepreneurship, fairer Handel, Start-ups",
            "Ich habe in Duisburg ein Sozialunternehmen für fair gehandelte Lebensmittel gegründet. Ich berate Kommunen, wie sie lokale Unternehmen für den fairen Handel gewinnen.",
            [ConsentField.CountriesOfOrigin]),
    ];

    private static readonly SeedAdvisor[] BwAdvisors =
    [
        new("Leyla", "Haddad", Gender.Female, 37, "08111000", ["SY"], [L("ar", Native), L("de", Fluent), L("en", Fluent)],
            ["interkulturelle-oeffnung", "zivilgesellschaft"],
            "Integrationsarbeit, Beteiligungsverfahren",
            "Ich arbeite in Stuttgart in der Integrationsberatung und begleite Beteiligungsverfahren, in denen Migrantenorganisationen mitreden.",
            []),
        new("Samuel", "Otieno", Gender.Male, 45, "08212000", ["KE"], [L("sw", Native), L("en", Fluent), L("de", Fluent)],
            ["kommunale-partnerschaften", "agenda-2030"],
            "Städtepartnerschaften, Wasser und Sanitärversorgung",
            "Als Umweltingenieur begleite ich Partnerschaften zwischen Kommunen in Baden und Ostafrika, vor allem zur Wasserversorgung.",
            []),
        new("Ana", "Mbemba", Gender.Female, 32, "08222000", ["AO"], [L("pt", Native), L("ln", Good), L("de", Fluent)],
            ["globales-lernen"],
            "Bildungsarbeit, Theaterpädagogik",
            "Ich verbinde Theaterpädagogik mit Globalem Lernen und arbeite mit Schulen und Jugendzentren in Mannheim.",
            []),
        new("Ibrahim", "Sow", Gender.Male, 51, "08311000", ["ML"], [L("fr", Native), L("bm", Native), L("de", Fluent)],
            ["fairer-handel", "faire-beschaffung"],
            "Fairer Handel, Baumwolle, Beschaffung",
            "Ich berate Kommunen im Breisgau zu fair gehandelter Dienstkleidung und kenne die Baumwollkooperativen in Mali.",
            []),
        new("Priya", "Raman", Gender.Female, 28, "08221000", ["LK"], [L("ta", Native), L("en", Fluent), L("de", Fluent)],
            ["agenda-2030"],
            "SDG-Berichterstattung, Datenvisualisierung",
            "Ich promoviere in Heidelberg zu nachhaltiger Stadtentwicklung und helfe Kommunen, ihre Fortschritte bei den SDGs sichtbar zu machen.",
            []),
        new("Minh", "Tran", Gender.Male, 43, "08416041", ["VN"], [L("vi", Native), L("de", Fluent), L("en", Good)],
            ["kommunale-partnerschaften", "interkulturelle-oeffnung"],
            "Vereinsarbeit, deutsch-vietnamesische Netzwerke",
            "Ich bin im Vorstand eines deutsch-vietnamesischen Vereins in Tübingen und vermittle Kontakte zwischen Kommunen und Diaspora.",
            []),
    ];
}
