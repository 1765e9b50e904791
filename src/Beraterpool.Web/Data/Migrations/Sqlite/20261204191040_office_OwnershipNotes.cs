using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beraterpool.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class office_OwnershipNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResponsibleUserId",
                table: "ConsultationRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnQuestion",
                table: "Activities",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReturnedAt",
                table: "Activities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InternalNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InternalNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InternalNotes_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_InternalNotes_ConsultationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ConsultationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PoolId_ResponsibleUserId",
                table: "ConsultationRequests",
                columns: new[] { "PoolId", "ResponsibleUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_ResponsibleUserId",
                table: "ConsultationRequests",
                column: "ResponsibleUserId");

            migrationBuilder.CreateIndex(
                name: "IX_InternalNotes_AuthorUserId",
                table: "InternalNotes",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_InternalNotes_RequestId_CreatedAt",
                table: "InternalNotes",
                columns: new[] { "RequestId", "CreatedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_ConsultationRequests_AspNetUsers_ResponsibleUserId",
                table: "ConsultationRequests",
                column: "ResponsibleUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ConsultationRequests_AspNetUsers_ResponsibleUserId",
                table: "ConsultationRequests");

            migrationBuilder.DropTable(
                name: "InternalNotes");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PoolId_ResponsibleUserId",
                table: "ConsultationRequests");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_ResponsibleUserId",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "ResponsibleUserId",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "ReturnQuestion",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "ReturnedAt",
                table: "Activities");
        }
    }
}
