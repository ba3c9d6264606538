/** Files people download and open in a spreadsheet: CSV shaped for Indonesian Excel, safe against formulas. */
package id.rakorbot.export;
