using System.CommandLine;
using Beraterpool.Cli.Backup;
using Beraterpool.Cli.Bench;
using Beraterpool.Cli.Synthetic;

namespace Beraterpool.Cli;

/// <summary>The verbs; each builds the app's services only when it runs, so <c>--help</c> needs no database.</summary>
public static class CommandLine
{
    public static RootCommand Root()
    {
        var root = new RootCommand(
            "Beraterpool commands: run against the app's configuration (appsettings of src/Beraterpool.Web, "
            + "Database__Provider, ConnectionStrings__Default, ASPNETCORE_ENVIRONMENT), on the same database as the app.");

        var migrate = new Command("migrate", "Apply the database migrations (and import the shipped register into an empty database); "
            + "for installations with Database:MigrateOnStart=false, run once per deployment before the instances start.");
        migrate.SetAction((_, _) => WithApp(app => Commands.MigrateAsync(app.Services, app.Configuration, app.Environment, Console.Out, Console.Error)));
        root.Subcommands.Add(migrate);

        var file = new Argument<string>("file") { Description = "The Gemeindeverzeichnis as CSV (e.g. data/gv-auszug.csv)." };
        var importGazetteer = new Command("import-gazetteer", "Import or update the municipality register; all or nothing, the report names every rejected line.") { file };
        importGazetteer.SetAction((parse, _) => WithApp(app => Commands.ImportGazetteerAsync(app.Services, parse.GetValue(file)!, Console.Out, Console.Error)));
        root.Subcommands.Add(importGazetteer);

        var email = new Argument<string>("e-mail") { Description = "The address that receives the invitation." };
        var inviteAdmin = new Command("invite-admin", "Invite the first administrator of a fresh installation (prints the link too).") { email };
        inviteAdmin.SetAction((parse, _) => WithApp(app => Commands.InviteAdministratorAsync(app, parse.GetValue(email)!)));
        root.Subcommands.Add(inviteAdmin);

        var advisors = Positive(new Argument<int>("n") { Description = "Advisors to seed." });
        var pools = Positive(new Option<int>("--pools") { Description = "Pools p01…pNN (pool i covers federal state i), at most 99.", DefaultValueFactory = _ => 16 }, max: 99);
        var seed = new Option<int>("--seed") { Description = "Seed of System.Random: same seed, same data.", DefaultValueFactory = _ => 42 };
        var force = new Option<bool>("--force") { Description = "Add to a database that already has advisors." };
        var seedSynthetic = new Command("seed-synthetic", "Synthetic advisors for the benchmarks (refuses a database with advisors unless --force).") { advisors, pools, seed, force };
        seedSynthetic.SetAction((parse, ct) => WithApp(app => SyntheticCommands.SeedAsync(app,
            parse.GetValue(advisors), parse.GetValue(pools), parse.GetValue(seed), parse.GetValue(force), ct)));
        root.Subcommands.Add(seedSynthetic);

        var backupFile = new Argument<string>("file") { Description = "Where to write the backup (SQLite: a database file; PostgreSQL: a pg_dump -Fc archive)." };
        var backupForce = new Option<bool>("--force") { Description = "Replace the file if it exists." };
        var backup = new Command("backup", "Write a consistent backup of the database while the app runs (SQLite online backup API, "
                                           + "PostgreSQL pg_dump -Fc); uploads are inside it, the key-ring certificate is not.") { backupFile, backupForce };
        backup.SetAction((parse, ct) => WithApp(app => DatabaseBackup.BackupAsync(DatabaseTarget.From(app.Configuration, app.Environment),
            Commands.Resolve(parse.GetValue(backupFile)!), parse.GetValue(backupForce), Console.Out, Console.Error, ct)));
        root.Subcommands.Add(backup);

        var restoreFile = new Argument<string>("file") { Description = "A file written by the backup command for the same kind of database." };
        var restoreForce = new Option<bool>("--force") { Description = "Replace a database that has tables (stop the app first)." };
        var restore = new Command("restore", "Restore a backup into the configured database (created on PostgreSQL if missing); "
                                             + "refuses a database that is not empty unless --force.") { restoreFile, restoreForce };
        restore.SetAction((parse, ct) => WithApp(app => DatabaseBackup.RestoreAsync(DatabaseTarget.From(app.Configuration, app.Environment),
            Commands.Resolve(parse.GetValue(restoreFile)!), parse.GetValue(restoreForce), Console.Out, Console.Error, ct)));
        root.Subcommands.Add(restore);

        var script = new Argument<string>("file.lua") { Description = "The wrk script to write." };
        var urlCount = Positive(new Option<int>("--count") { Description = "Distinct directory addresses.", DefaultValueFactory = _ => 20_000 });
        var urlSeed = new Option<int>("--seed") { Description = "Seed of the address mix.", DefaultValueFactory = _ => 7 };
        var benchUrls = new Command("bench-urls", "Write rotating directory addresses from the database's values as a wrk script (bench/run.sh).") { script, urlCount, urlSeed };
        benchUrls.SetAction((parse, ct) => WithApp(app => SyntheticCommands.WriteUrlsAsync(app, parse.GetValue(script)!, parse.GetValue(urlCount), parse.GetValue(urlSeed), ct)));
        root.Subcommands.Add(benchUrls);

        var poolSize = Positive(new Argument<int>("n") { Description = "Advisors in the large pool.", DefaultValueFactory = _ => 50_000 });
        var runs = Positive(new Option<int>("--runs") { Description = "Measured runs (the median is printed).", DefaultValueFactory = _ => 9 });
        var benchMatching = new Command("bench-matching", "Ranking time for one request over a pool of n and one of 100 advisors (seeds pools mbig01, msmall01 once; use -c Release).") { poolSize, runs };
        benchMatching.SetAction((parse, _) => WithApp(app => MatchingBench.RunAsync(app, parse.GetValue(poolSize), parse.GetValue(runs))));
        root.Subcommands.Add(benchMatching);

        var writers = Positive(new Option<int>("--writers") { Description = "Concurrent writers.", DefaultValueFactory = _ => 50 });
        var logs = Positive(new Option<int>("--logs") { Description = "Day logs in all.", DefaultValueFactory = _ => 2000 });
        var benchDaylog = new Command("bench-daylog", "Day-logging throughput with concurrent writers on one municipality's account (use -c Release).") { writers, logs };
        benchDaylog.SetAction((parse, _) => WithApp(app => DayLogBenchmark.RunAsync(app, parse.GetValue(writers), parse.GetValue(logs))));
        root.Subcommands.Add(benchDaylog);

        var reportAdvisors = Positive(new Option<int>("--advisors") { Description = "Advisors of the synthetic pool (50,000 over 16 pools: about 3,200 each).", DefaultValueFactory = _ => 3_200 });
        var benchReport = new Command("bench-report", "Annual report page model and PDF of one large synthetic pool, cold and warm (use -c Release).") { reportAdvisors };
        benchReport.SetAction((parse, _) => WithApp(app => ReportBenchmark.RunAsync(app, parse.GetValue(reportAdvisors))));
        root.Subcommands.Add(benchReport);

        return root;
    }

    private static async Task<int> WithApp(Func<WebApplication, Task<int>> run)
    {
        await using var app = AppHost.Build();
        return await run(app);
    }

    private static T Positive<T>(T symbol, int max = int.MaxValue) where T : Symbol
    {
        // Only typed values: a default is in range, and a token that is no number has its own error already.
        void Check(System.CommandLine.Parsing.SymbolResult result, IReadOnlyList<System.CommandLine.Parsing.Token> tokens)
        {
            if (tokens.Count == 1 && int.TryParse(tokens[0].Value, out var value) && (value < 1 || value > max))
                result.AddError($"{symbol.Name} must be between 1 and {max}, not {value}.");
        }
        switch (symbol)
        {
            case Argument<int> argument: argument.Validators.Add(r => Check(r, r.Tokens)); break;
            case Option<int> option: option.Validators.Add(r => Check(r, r.Tokens)); break;
        }
        return symbol;
    }
}
