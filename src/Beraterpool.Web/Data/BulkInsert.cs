using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Beraterpool.Web.Data;

/// <summary>
/// Fast INSERTs for many rows (the register's first import, the synthetic seed's join tables), where SaveChanges takes seconds. PostgreSQL gets multi-row statements;
/// SQLite one prepared single-row statement executed again and again (it binds parameters by a linear name search,
/// so wide statements get slower, not faster). Table, columns and value conversions come from the EF model, so this
/// stays correct for both providers and follows model changes.
/// </summary>
public static class BulkInsert
{
    private const int MaxParameters = 2000;

    public static async Task InsertAsync<T>(this AppDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var properties = entity.GetProperties().ToList();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToList();
        var sqlHelper = db.GetService<ISqlGenerationHelper>();
        var table = sqlHelper.DelimitIdentifier(entity.GetTableName() ?? typeof(T).Name, entity.GetSchema());
        var columns = string.Join(", ", properties.Select(p => sqlHelper.DelimitIdentifier(p.GetColumnName())));
        var rowsPerCommand = db.Database.IsSqlite() ? 1 : Math.Max(1, MaxParameters / properties.Count);

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var commands = new Dictionary<int, DbCommand>();
        try
        {
            for (var start = 0; start < rows.Count; start += rowsPerCommand)
            {
                var count = Math.Min(rowsPerCommand, rows.Count - start);
                if (!commands.TryGetValue(count, out var command))
                {
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = InsertSql(table, columns, properties.Count, count, sqlHelper);
                    commands[count] = command;
                }
                command.Parameters.Clear();
                for (var r = 0; r < count; r++)
                {
                    for (var c = 0; c < properties.Count; c++)
                    {
                        var value = properties[c].GetGetter().GetClrValue(rows[start + r]);
                        // The type mapping applies the model's conversions (enum → int, DateTimeOffset → binary on SQLite …).
                        command.Parameters.Add(mappings[c].CreateParameter(command, "p" + (r * properties.Count + c), value, properties[c].IsNullable));
                    }
                }
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            foreach (var command in commands.Values) await command.DisposeAsync();
        }
    }

    private static string InsertSql(string table, string columns, int columnCount, int rowCount, ISqlGenerationHelper sqlHelper)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({columns}) VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columnCount; c++)
            {
                if (c > 0) sql.Append(", ");
                sql.Append(sqlHelper.GenerateParameterNamePlaceholder("p" + (r * columnCount + c)));
            }
            sql.Append(')');
        }
        return sql.ToString();
    }
}
