using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beraterpool.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class i9_ConsentHistoryAndNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    AdvisorId = table.Column<int>(type: "INTEGER", nullable: true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Wording = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Via = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                    table.CheckConstraint("CK_ConsentRecords_Subject", "\"AdvisorId\" IS NOT NULL OR \"RequestId\" IS NOT NULL");
                    table.ForeignKey(
                        name: "FK_ConsentRecords_Advisors_AdvisorId",
                        column: x => x.AdvisorId,
                        principalTable: "Advisors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_ConsultationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ConsultationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_Pools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "Pools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PoolNotices",
                columns: table => new
                {
                    PoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: false),
                    IsExample = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoolNotices", x => new { x.PoolId, x.Kind });
                    table.ForeignKey(
                        name: "FK_PoolNotices_Pools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "Pools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_AdvisorId_At",
                table: "ConsentRecords",
                columns: new[] { "AdvisorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_PoolId",
                table: "ConsentRecords",
                column: "PoolId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_RequestId_At",
                table: "ConsentRecords",
                columns: new[] { "RequestId", "At" });

            // The consents that exist already start their history: when, how and by whom as far as it was kept, the wording unknown.
            migrationBuilder.Sql("""
                INSERT INTO "ConsentRecords" ("PoolId", "AdvisorId", "RequestId", "Purpose", "Wording", "Action", "At", "Via", "ByUserId", "ByName")
                SELECT a."PoolId", c."AdvisorId", NULL, CASE c."Field" WHEN 1 THEN 'publish.Photo' WHEN 2 THEN 'publish.City' WHEN 3 THEN 'publish.Gender' WHEN 4 THEN 'publish.Age' WHEN 5 THEN 'publish.CountriesOfOrigin' WHEN 6 THEN 'publish.Languages' WHEN 7 THEN 'publish.Topics' WHEN 8 THEN 'publish.Expertise' WHEN 9 THEN 'publish.Bio' ELSE 'publish.unknown' END,
                       'unknown', 1, c."GrantedAt", COALESCE(c."GrantedVia", 'import'), c."GrantedByUserId", NULL
                FROM "AdvisorConsents" c JOIN "Advisors" a ON a."Id" = c."AdvisorId";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ConsentRecords" ("PoolId", "AdvisorId", "RequestId", "Purpose", "Wording", "Action", "At", "Via", "ByUserId", "ByName")
                SELECT r."PoolId", NULL, r."Id", 'request.processing', 'unknown', 1, r."ConsentGivenAt", 'import', NULL,
                       substr(r."ContactName" || ' <' || r."ContactEmail" || '>', 1, 200)
                FROM "ConsultationRequests" r;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentRecords");

            migrationBuilder.DropTable(
                name: "PoolNotices");
        }
    }
}
