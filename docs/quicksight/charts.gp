# render.sh's drawing step: gnuplot -e "datadir='…'; outdir='…'" charts.gp
# Reads heap.dat, gc.dat and cpu.dat (ChartData.java) and writes the two PNGs of ../quicksight.md.
# gnuplot's stats does not work on time data: count the blocks (services, hosts) first.
stats datadir."/heap.dat" using 2 nooutput
services = STATS_blocks
stats datadir."/cpu.dat" using 2 nooutput
hosts = STATS_blocks

set terminal pngcairo size 900,620 font "DejaVu Sans,10" noenhanced
set datafile separator whitespace
set xdata time
set timefmt "%s"
set format x "%H:%M:%S"
set xlabel "time (UTC)"
set grid ytics lc rgb "#dddddd"
set key outside right top
set border 3
set xtics nomirror
set ytics nomirror
set style data linespoints
set pointsize 0.6

set output outdir."/heap-gc-by-service.png"
set multiplot layout 2,1 title "Heap and GC over time, per service (real agent samples, 10 s averages)"
set ylabel "heap used (MiB), average"
set yrange [0:*]
plot for [i=0:services-1] datadir."/heap.dat" index i using 1:2 title columnheader(1) lw 2
set ylabel "time in GC (% of wall time), average"
plot for [i=0:services-1] datadir."/gc.dat" index i using 1:2 title columnheader(1) lw 2
unset multiplot

set output outdir."/cpu-by-host.png"
set terminal pngcairo size 900,340 font "DejaVu Sans,10" noenhanced
set title "Host CPU use, per host (real agent samples, 10 s averages)"
set ylabel "CPU busy (% of all logical CPUs)"
set yrange [0:100]
plot for [i=0:hosts-1] datadir."/cpu.dat" index i using 1:2 title columnheader(1) lw 2
