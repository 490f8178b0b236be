# render-tomcat.sh's drawing step: gnuplot -e "datadir='…'; outdir='…'" tomcat.gp
# Reads tomcat.dat (TomcatChartData.java) and writes the Tomcat picture of ../quicksight.md.
# gnuplot's stats does not work on time data: count the blocks (pods) first.
stats datadir."/tomcat.dat" using 2 nooutput
pods = STATS_blocks

set terminal pngcairo size 900,340 font "DejaVu Sans,10" noenhanced
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

set output outdir."/tomcat-busy-by-pod.png"
set title "Tomcat threads busy, share of the pool's limit, highest per pod (real agent samples, 10 s maxima)"
set ylabel "threads busy (% of maxThreads)"
set yrange [0:105]
plot for [i=0:pods-1] datadir."/tomcat.dat" index i using 1:2 title columnheader(1) lw 2
