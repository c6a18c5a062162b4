import BureauWeb
print("bureau")
