using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConversionRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConversionRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    HoofdaanbiederId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConvertedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConvertedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversionRecords_Arrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "Arrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversionRecords_ArrangementId",
                table: "ConversionRecords",
                column: "ArrangementId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversionRecords_TenantId_SourceReference",
                table: "ConversionRecords",
                columns: new[] { "TenantId", "SourceReference" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversionRecords");
        }
    }
}
