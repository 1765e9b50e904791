using Microsoft.EntityFrameworkCore.Infrastructure;
using System.Text;
using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Beraterpool.Web.Features.Bench;

/// <summary>
/// Multi-row INSERTs for the join-table rows of the synthetic seed (hundreds of thousands of rows): EF's per-entity
/// pipeline made them most of the seeding time. Table, column names and value conversions come from the EF model,
/// so both providers and the SQLite DateTimeOffset converter are respected.
/// </summary>
internal sealed class RowInserter<T>(AppDbContext db, params string[] properties)
{
    private const int RowsPerCommand = 200;
    private readonly List<object?[]> _rows = new(RowsPerCommand);
    private readonly Func<object?, object?>[] _toProvider = Converters(db, properties);
    private readonly string _insert = InsertHead(db, properties);

    public async Task AddAsync(CancellationToken ct, params object?[] values)
    {
        _rows.Add(values);
        if (_rows.Count == RowsPerCommand) await FlushAsync(ct);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_rows.Count == 0) return;
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = new StringBuilder(_insert);
        for (var r = 0; r < _rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ",(");
            for (var c = 0; c < properties.Length; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{r}_{c}";
                parameter.Value = _toProvider[c](_rows[r][c]) ?? DBNull.Value;
                command.Parameters.Add(parameter);
                sql.Append(c == 0 ? "" : ",").Append(parameter.ParameterName);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
        _rows.Clear();
    }

    private static string InsertHead(AppDbContext db, string[] properties)
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = properties.Select(p => sql.DelimitIdentifier(type.FindProperty(p)!.GetColumnName()));
        return $"INSERT INTO {sql.DelimitIdentifier(type.GetTableName()!)} ({string.Join(", ", columns)}) VALUES ";
    }

    private static Func<object?, object?>[] Converters(AppDbContext db, string[] properties)
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        return properties.Select(p =>
        {
            var property = type.FindProperty(p)!;
            var converter = property.GetTypeMapping().Converter;
            if (converter is not null) return converter.ConvertToProvider;
            // Enums without a configured converter are stored as their number.
            return property.ClrType.IsEnum ? v => v is null ? null : Convert.ToInt32(v) : (Func<object?, object?>)(v => v);
        }).ToArray();
    }
}
