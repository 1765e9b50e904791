using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Beraterpool.Cli.Backup;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Engagements.Revisions;
using Beraterpool.Web.Features.Jobs;
using Beraterpool.Web.Features.MunicipalityAccounts;
using Beraterpool.Web.Features.Privacy;
using Beraterpool.Web.Features.Privacy.Retention;
using Beraterpool.Web.Features.Quota;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Beraterpool.Tests.Cli;

/// <summary>
/// `backup` and `restore` on the test's own database engine: every table of the model holds rows, the restored
/// database holds the same rows with the same content (uploads are byte columns, so their bytes are compared too).
/// </summary>
public sealed class BackupRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_restored_into_a_fresh_database_holds_every_record_and_every_upload()
    {
        await using var app = new TestApp(demo: true).With("Demo:Year", "true");
        await FillWhatTheDemoYearLacksAsync(app);
        var tables = await app.WithDbAsync(db => Task.FromResult(Tables(db)));
        var before = await FingerprintAsync(app.ConnectionString, tables);
        var empty = before.Where(t => t.Value.Rows == 0).Select(t => t.Key).ToList();
        Assert.True(empty.Count == 0, "Tables without rows (give the new entity data in this test): " + string.Join(", ", empty));
        var uploads = await app.WithDbAsync(db => Task.FromResult(UploadColumns(db)));
        Assert.Superset(new HashSet<string> { "AdvisorPhotos.Content", "EngagementDocuments.Content", "TravelCosts.Receipt", "Pools.Logo" },
            uploads.Select(u => $"{u.Table}.{u.Column}").ToHashSet());
        var uploadsBefore = await UploadHashesAsync(app.ConnectionString, uploads);
        Assert.All(uploadsBefore, u => Assert.True(u.Value.Files > 0, $"No upload in {u.Key}"));

        var file = Path.Combine(app.Folder, "backup.bin");
        var output = new StringWriter();
        Assert.Equal(0, await DatabaseBackup.BackupAsync(Target(app.ConnectionString), file, force: false, output, output, Ct));
        Assert.Contains("Backup written", output.ToString());

        var fresh = FreshDatabase(app);
        try
        {
            output = new StringWriter();
            Assert.Equal(0, await DatabaseBackup.RestoreAsync(Target(fresh), file, force: false, output, output, Ct));
            Assert.Contains("Restored", output.ToString());

            Assert.Equal(before, await FingerprintAsync(fresh, tables));
            Assert.Equal(uploadsBefore, await UploadHashesAsync(fresh, uploads));

            // A second restore onto the now filled database is refused and changes nothing; with --force it replaces it.
            await ExecuteAsync(fresh, """DELETE FROM "BlockedPeriods" """);
            var refused = new StringWriter();
            Assert.Equal(1, await DatabaseBackup.RestoreAsync(Target(fresh), file, force: false, refused, refused, Ct));
            Assert.Contains("not empty", refused.ToString());
            Assert.Equal(0, (await FingerprintAsync(fresh, tables))["BlockedPeriods"].Rows);

            Assert.Equal(0, await DatabaseBackup.RestoreAsync(Target(fresh), file, force: true, output, output, Ct));
            Assert.Equal(before, await FingerprintAsync(fresh, tables));
        }
        finally
        {
            await DropAsync(fresh);
        }
    }

    [Fact]
    public async Task A_backup_taken_while_the_app_writes_is_consistent()
    {
        await using var app = new TestApp(importGazetteer: false);
        var pool = await app.CreatePoolAsync("nrw");
        var advisor = await app.CreateAdvisorAsync(pool.Id, "grace-wanjiru");
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            var written = 0;
            while (!stop.IsCancellationRequested)
            {
                // One period and its audit entry per transaction: a consistent copy holds both or neither.
                await app.WithDbAsync(async db =>
                {
                    db.BlockedPeriods.Add(new BlockedPeriod { AdvisorId = advisor.Id, From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 1, 2), Note = $"w{w}" });
                    db.Audit("test.blocked", "advisor", null, details: $"w{w}");
                    return await db.SaveChangesAsync();
                });
                written++;
            }
            return written;
        })).ToList();
        await Task.Delay(300, Ct);

        var file = Path.Combine(app.Folder, "live.bin");
        Assert.Equal(0, await DatabaseBackup.BackupAsync(Target(app.ConnectionString), file, force: false, TextWriter.Null, TextWriter.Null, Ct));
        await stop.CancelAsync();
        var written = (await Task.WhenAll(writers)).Sum();

        var fresh = FreshDatabase(app);
        try
        {
            Assert.Equal(0, await DatabaseBackup.RestoreAsync(Target(fresh), file, force: false, TextWriter.Null, TextWriter.Null, Ct));
            var periods = await CountAsync(fresh, """SELECT COUNT(*) FROM "BlockedPeriods" """);
            var audits = await CountAsync(fresh, """SELECT COUNT(*) FROM "AuditEntries" WHERE "Action" = 'test.blocked'""");
            Assert.InRange(periods, 1, written);
            Assert.Equal(periods, audits);
        }
        finally
        {
            await DropAsync(fresh);
        }
    }

    [Fact]
    public async Task Backup_does_not_overwrite_a_file_and_restore_refuses_a_file_of_the_other_kind()
    {
        await using var app = new TestApp(importGazetteer: false);
        _ = app.Server;
        var file = Path.Combine(app.Folder, "existing.bin");
        await File.WriteAllTextAsync(file, "not a backup", Ct);

        var errors = new StringWriter();
        Assert.Equal(1, await DatabaseBackup.BackupAsync(Target(app.ConnectionString), file, force: false, TextWriter.Null, errors, Ct));
        Assert.Contains("--force", errors.ToString());
        Assert.Equal("not a backup", await File.ReadAllTextAsync(file, Ct));

        errors = new StringWriter();
        Assert.Equal(1, await DatabaseBackup.RestoreAsync(Target(app.ConnectionString), file, force: true, TextWriter.Null, errors, Ct));
        Assert.Contains("no backup this command wrote", errors.ToString());
    }

    private static DatabaseTarget Target(string connectionString) =>
        new(TestApp.UsePostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString);

    private static string FreshDatabase(TestApp app) => TestApp.UsePostgres
        ? $"{TestApp.PostgresServer};Database=bp_restore_{Guid.NewGuid():N}"
        : $"Data Source={Path.Combine(app.Folder, "restored.db")}";

    /// <summary>
    /// What the demo year does not create (photos, logos, travel receipts, blocked periods, quota increases, revisions, contact shares, municipality members, an undelivered mail, the data versions, an erasure receipt, the identity
    /// tables' claims, logins and tokens), added through the real context.
    /// </summary>
    private static async Task FillWhatTheDemoYearLacksAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        var advisor = await db.Advisors.OrderBy(a => a.Id).FirstAsync(Ct);
        db.AdvisorPhotos.Add(new AdvisorPhoto { AdvisorId = advisor.Id, Content = RandomNumberGenerator.GetBytes(2048), ContentType = "image/png", UploadedAt = now });
        db.BlockedPeriods.Add(new BlockedPeriod { AdvisorId = advisor.Id, From = new DateOnly(2026, 8, 1), To = new DateOnly(2026, 8, 21), Note = "Urlaub" });
        var pool = await db.Pools.OrderBy(p => p.Id).FirstAsync(Ct);
        pool.Logo = RandomNumberGenerator.GetBytes(1024);
        var account = await db.DayQuotaAccounts.OrderBy(a => a.Year).FirstAsync(Ct);
        db.QuotaIncreases.Add(new QuotaIncrease
        {
            PoolId = account.PoolId, MunicipalityKey = account.MunicipalityKey, Year = account.Year,
            PreviousQuotaHalfDays = account.QuotaHalfDays, NewQuotaHalfDays = account.QuotaHalfDays, Reason = "Backup-Test", At = now,
        });
        if (!await db.TravelCosts.AnyAsync(t => t.Receipt != null, Ct))
        {
            var travel = await db.TravelCosts.OrderBy(t => t.Id).FirstAsync(Ct);
            travel.Receipt = RandomNumberGenerator.GetBytes(3072);
            travel.ReceiptContentType = "application/pdf";
            travel.ReceiptFileName = "fahrkarte.pdf";
        }
        (await db.FeeStatements.OrderBy(f => f.Id).FirstAsync(Ct)).ArchivedPdf = RandomNumberGenerator.GetBytes(4096);
        var comment = await db.EngagementComments.OrderBy(c => c.Id).FirstAsync(Ct);
        db.Set<Revision>().Add(new Revision { Kind = RevisionKind.Comment, RecordId = comment.Id, Content = "Erste Fassung", AuthorName = "Amina Tesfaye", WrittenAt = now, ReplacedAt = now });
        var request = await db.ConsultationRequests.OrderBy(r => r.Id).FirstAsync(Ct);
        db.Set<ContactShare>().Add(new ContactShare { RequestId = request.Id, AdvisorId = advisor.Id, Email = "amina.tesfaye@miglobe.local", SharedAt = now });
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var contact = await users.FindByEmailAsync("kommune@koeln.local") ?? throw new InvalidOperationException("demo municipality contact");
        db.Set<MunicipalityMember>().Add(new MunicipalityMember { PoolId = account.PoolId, MunicipalityKey = account.MunicipalityKey, UserId = contact.Id, CreatedAt = now });
        db.OutboxMails.Add(new OutboxMail
        {
            To = "kommune@koeln.local", Subject = "Ihre Anfrage", TextBody = "Guten Tag", TemplateId = "test.backup", PoolId = pool.Id,
            AttachmentName = "veranstaltung.ics", AttachmentType = "text/calendar", AttachmentContent = "BEGIN:VCALENDAR"u8.ToArray(),
            CreatedAt = now, QueuedAt = now, NextAttemptAt = now, Attempts = 3, Status = OutboxStatus.Failed, LastError = "SMTP nicht erreichbar",
        });
        db.Set<ErasureReceipt>().Add(new ErasureReceipt { Reference = "L-0001", At = now, ByName = "Administration", Counts = "{}" });
        db.Set<JobLease>().Add(new JobLease { Name = "test.backup", Holder = "instanz-a", LastRunAt = now });
        db.Set<RetentionRule>().Add(new RetentionRule { Kind = "test.backup", Value = 12, ChangedAt = now });
        db.Set<RetentionRun>().Add(new RetentionRun { StartedAt = now, FinishedAt = now, Instance = "instanz-a", Counts = "{\"requests\":1}" });
        // The photo and the logo change what the directory and the pool catalogue show: saved with their versions, as the app does.
        await scope.ServiceProvider.GetRequiredService<DataVersions>().SaveChangesAsync(db, [DataVersions.Pool(pool.Id), DataVersions.Catalogue], Ct);

        var user = await users.FindByEmailAsync("amina.tesfaye@miglobe.local") ?? throw new InvalidOperationException("demo advisor account");
        Assert.True((await users.AddClaimAsync(user, new Claim("test", "backup"))).Succeeded);
        Assert.True((await users.AddLoginAsync(user, new UserLoginInfo("Test", "backup-key", "Test"))).Succeeded);
        Assert.True((await users.SetAuthenticationTokenAsync(user, "Test", "token", "value")).Succeeded);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var role = await roles.FindByNameAsync(Roles.Advisor) ?? throw new InvalidOperationException("advisor role");
        Assert.True((await roles.AddClaimAsync(role, new Claim("test", "backup"))).Succeeded);
    }

    private sealed record Table(string Name, IReadOnlyList<string> Key);

    private sealed record Upload(string Table, string Column, IReadOnlyList<string> Key);

    /// <summary>Every table of the EF model, so a new entity is in this test without anybody adding it.</summary>
    private static IReadOnlyList<Table> Tables(AppDbContext db) => db.Model.GetEntityTypes()
        .Where(e => e.GetTableName() is not null && e.FindPrimaryKey() is not null && !e.IsOwned())
        .GroupBy(e => e.GetTableName()!)
        .Select(g => new Table(g.Key, g.First().FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()).ToList()))
        .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>Uploads are byte columns; every one of the model is listed.</summary>
    private static IReadOnlyList<Upload> UploadColumns(AppDbContext db) => db.Model.GetEntityTypes()
        .Where(e => e.GetTableName() is not null && !e.IsOwned())
        .SelectMany(e => e.GetProperties().Where(p => p.ClrType == typeof(byte[]))
            .Select(p => new Upload(e.GetTableName()!, p.GetColumnName(), e.FindPrimaryKey()!.Properties.Select(k => k.GetColumnName()).ToList())))
        .ToList();

    private static async Task<Dictionary<string, (long Rows, string Hash)>> FingerprintAsync(string connectionString, IReadOnlyList<Table> tables)
    {
        var result = new Dictionary<string, (long, string)>();
        await using var connection = await OpenAsync(connectionString);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {Q(table.Name)} ORDER BY {string.Join(", ", table.Key.Select(Q))}";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            while (await reader.ReadAsync(Ct))
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++) hash.AppendData(Bytes(reader.GetValue(i)));
            }
            result[table.Name] = (rows, Convert.ToHexString(hash.GetHashAndReset()));
        }
        return result;
    }

    private static async Task<Dictionary<string, (int Files, string Hash)>> UploadHashesAsync(string connectionString, IReadOnlyList<Upload> uploads)
    {
        var result = new Dictionary<string, (int, string)>();
        await using var connection = await OpenAsync(connectionString);
        foreach (var upload in uploads)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Q(upload.Column)} FROM {Q(upload.Table)} WHERE {Q(upload.Column)} IS NOT NULL ORDER BY {string.Join(", ", upload.Key.Select(Q))}";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var files = 0;
            while (await reader.ReadAsync(Ct))
            {
                files++;
                hash.AppendData((byte[])reader.GetValue(0));
            }
            result[$"{upload.Table}.{upload.Column}"] = (files, Convert.ToHexString(hash.GetHashAndReset()));
        }
        return result;
    }

    private static byte[] Bytes(object value) => value switch
    {
        DBNull => [0],
        byte[] bytes => [1, .. SHA256.HashData(bytes)],
        IFormattable formattable => [2, .. Encoding.UTF8.GetBytes(formattable.ToString(null, CultureInfo.InvariantCulture) + "\u001f")],
        _ => [3, .. Encoding.UTF8.GetBytes(value + "\u001f")],
    };

    private static string Q(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static async Task<DbConnection> OpenAsync(string connectionString)
    {
        DbConnection connection = TestApp.UsePostgres ? new NpgsqlConnection(connectionString) : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task DropAsync(string connectionString)
    {
        if (!TestApp.UsePostgres) return;
        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(TestApp.PostgresServer + ";Database=postgres");
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
