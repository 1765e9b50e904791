using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Beraterpool.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class municipality_MunicipalityMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MunicipalityMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PoolId = table.Column<int>(type: "integer", nullable: false),
                    MunicipalityKey = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    InvitedByUserId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MunicipalityMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MunicipalityMembers_AspNetUsers_InvitedByUserId",
                        column: x => x.InvitedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MunicipalityMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MunicipalityMembers_Municipalities_MunicipalityKey",
                        column: x => x.MunicipalityKey,
                        principalTable: "Municipalities",
                        principalColumn: "OfficialKey",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MunicipalityMembers_Pools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "Pools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MunicipalityMembers_InvitedByUserId",
                table: "MunicipalityMembers",
                column: "InvitedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MunicipalityMembers_MunicipalityKey",
                table: "MunicipalityMembers",
                column: "MunicipalityKey");

            migrationBuilder.CreateIndex(
                name: "IX_MunicipalityMembers_PoolId_MunicipalityKey_UserId",
                table: "MunicipalityMembers",
                columns: new[] { "PoolId", "MunicipalityKey", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MunicipalityMembers_UserId",
                table: "MunicipalityMembers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MunicipalityMembers");
        }
    }
}
