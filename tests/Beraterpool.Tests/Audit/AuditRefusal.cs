using Beraterpool.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Audit;

/// <summary>Makes the database refuse audit entries about one subject, as a full disk or a bug would: a change must then not stay behind.</summary>
public static class AuditRefusal
{
    // Names and subjects are the tests' own constants; a trigger's DDL cannot take parameters.
#pragma warning disable EF1002, EF1003
    public static Task RefuseAuditAsync(this TestApp app, string name, string subject) => app.WithDbAsync(db => TestApp.UsePostgres
        ? db.Database.ExecuteSqlRawAsync(
            $"CREATE FUNCTION refuse_{name}() RETURNS trigger AS $$ BEGIN IF NEW.\"Subject\" = '{subject}' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; " +
            $"CREATE TRIGGER refuse_{name} BEFORE INSERT ON \"AuditEntries\" FOR EACH ROW EXECUTE FUNCTION refuse_{name}();")
        : db.Database.ExecuteSqlRawAsync(
            $"CREATE TRIGGER refuse_{name} BEFORE INSERT ON \"AuditEntries\" WHEN NEW.\"Subject\" = '{subject}' BEGIN SELECT RAISE(ABORT, 'audit refused'); END;"));
#pragma warning restore EF1002, EF1003
}
