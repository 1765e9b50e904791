using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beraterpool.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class i9_ErasureReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ErasureReceipts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Counts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasureReceipts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ErasureReceipts_At",
                table: "ErasureReceipts",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ErasureReceipts_Reference",
                table: "ErasureReceipts",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ErasureReceipts");
        }
    }
}
