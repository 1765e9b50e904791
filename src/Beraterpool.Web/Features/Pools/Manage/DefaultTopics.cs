namespace Beraterpool.Web.Features.Pools.Manage;

/// <summary>The topics a new pool starts with (the first pool's fields of work); coordinators adapt them.</summary>
public static class DefaultTopics
{
    public static readonly IReadOnlyList<(string Slug, string De, string En, string Fr)> All =
    [
        ("faire-beschaffung", "Faire Beschaffung", "Fair procurement", "Achats publics équitables"),
        ("fairer-handel", "Fairer Handel", "Fair trade", "Commerce équitable"),
        ("zivilgesellschaft", "Zivilgesellschaft und Migrantenorganisationen", "Civil society and migrant organisations", "Société civile et organisations de migrants"),
        ("partnerschaften", "Kommunale Partnerschaften mit dem Globalen Süden", "Municipal partnerships with the Global South", "Partenariats municipaux avec le Sud global"),
        ("agenda-2030", "Agenda 2030 und SDGs", "2030 Agenda and SDGs", "Agenda 2030 et ODD"),
        ("interkulturelle-oeffnung", "Interkulturelle Öffnung", "Intercultural opening", "Ouverture interculturelle"),
        ("globales-lernen", "Globales Lernen und Bildung", "Global learning and education", "Éducation à la citoyenneté mondiale"),
    ];

    public static List<Topic> For(int poolId) =>
        All.Select((t, i) => new Topic { PoolId = poolId, Slug = t.Slug, NameDe = t.De, NameEn = t.En, NameFr = t.Fr, SortOrder = (i + 1) * 10 }).ToList();
}
